"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** A main navigation link, marked as the current page for its section. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      // Not prefetched: every live refresh would render the linked page again.
      prefetch={false}
      aria-current={current ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}
