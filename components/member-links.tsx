import Link from "next/link";
import { memberHref, policyHref } from "@/lib/schemas/member";

// Outside a table (.data-table styles its own links) a link must look like one.
const linkStyle = "text-sky-800 underline underline-offset-2";

function Blank({ quiet }: { quiet: string }) {
  return <span className="quiet">{quiet}</span>;
}

/**
 * A member id as a link to the member's page, or as text when Altibbi's value cannot be one (the
 * webhook schema only accepts digits, so every stored id links). Not prefetched: a list of 50 rows
 * would render 50 member pages.
 */
export function MemberLink({ userId, blank = "—" }: { userId: string | null; blank?: string }) {
  if (userId === null || userId === "") return <Blank quiet={blank} />;
  if (!/^\d{1,20}$/.test(userId)) return <span dir="auto">{userId}</span>;
  return (
    <Link href={memberHref(userId)} prefetch={false} className={`font-mono ${linkStyle}`} data-testid="member-link">
      {userId}
    </Link>
  );
}

/** A policy number as a link to the members seen with it. */
export function PolicyLink({ policyNumber, blank = "—" }: { policyNumber: string | null; blank?: string }) {
  if (policyNumber === null || policyNumber === "") return <Blank quiet={blank} />;
  return (
    <Link href={policyHref(policyNumber)} prefetch={false} dir="auto" className={linkStyle} data-testid="policy-link">
      {policyNumber}
    </Link>
  );
}
