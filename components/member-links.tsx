import Link from "next/link";
import { memberHref, policyHref } from "@/lib/member-hrefs";

// Outside a table (.data-table styles its own links) a link must look like one.
const linkStyle = "text-sky-800 underline underline-offset-2";

function Blank({ quiet }: { quiet: string }) {
  return <span className="quiet">{quiet}</span>;
}

type LinkProps = { href: string; className: string; dir?: "auto"; "data-testid": string; children: React.ReactNode };

/**
 * next/link (not prefetched: a list of 50 rows would render 50 member pages), or with `plain` a
 * plain anchor, for rows inside a SoftNavigation (components/soft-navigation.tsx) that navigates
 * in-app without a client component per link.
 */
function AnyLink({ plain, ...props }: LinkProps & { plain: boolean }) {
  return plain ? <a {...props} /> : <Link prefetch={false} {...props} />;
}

/**
 * A member id as a link to the member's page, or as text when Altibbi's value cannot be one (the
 * webhook schema only accepts digits, so every stored id links).
 */
export function MemberLink({ userId, blank = "—", plain = false }: { userId: string | null; blank?: string; plain?: boolean }) {
  if (userId === null || userId === "") return <Blank quiet={blank} />;
  if (!/^\d{1,20}$/.test(userId)) return <span dir="auto">{userId}</span>;
  return (
    <AnyLink plain={plain} href={memberHref(userId)} className={`font-mono ${linkStyle}`} data-testid="member-link">
      {userId}
    </AnyLink>
  );
}

/** A policy number as a link to the members seen with it. */
export function PolicyLink({ policyNumber, blank = "—", plain = false }: { policyNumber: string | null; blank?: string; plain?: boolean }) {
  if (policyNumber === null || policyNumber === "") return <Blank quiet={blank} />;
  return (
    <AnyLink plain={plain} href={policyHref(policyNumber)} dir="auto" className={linkStyle} data-testid="policy-link">
      {policyNumber}
    </AnyLink>
  );
}
