"use client";
// One click handler for every plain <a> inside (a list's rows, the status counts): the in-app
// navigation next/link gives, without a client component per link. A page of 25 rows had 75
// <Link>s, each its own client boundary to serialise into the RSC payload and render on the
// server; plain anchors cost neither. Clicks next/link leaves to the browser are left to it too:
// modified or middle clicks, target=… other than _self, download links, other origins.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

type Props = {
  as?: "div" | "nav";
  className?: string;
  "aria-label"?: string;
  children: React.ReactNode;
};

export function SoftNavigation({ as: Tag = "div", children, ...props }: Props) {
  const router = useRouter();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (!anchor || !element.contains(anchor) || !anchor.hasAttribute("href") || anchor.hasAttribute("download")) return;
      const target = anchor.getAttribute("target");
      if (target && target !== "_self") return;
      const url = new URL(anchor.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(`${url.pathname}${url.search}${url.hash}`);
    };
    element.addEventListener("click", onClick);
    return () => element.removeEventListener("click", onClick);
  }, [router]);
  return (
    <Tag ref={ref as React.RefObject<HTMLDivElement>} {...props}>
      {children}
    </Tag>
  );
}
