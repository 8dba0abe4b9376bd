import Link from "next/link";
import { Arrow } from "./arrow";

/** The link from a detail page back to its list. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} prefetch={false} className="text-sm text-sky-800 underline-offset-2 hover:underline">
      <Arrow to="back" /> {label}
    </Link>
  );
}

/** A detail page's header card: "<kind> <id>" as the page's heading, badges beside it, then the rest (its fields). */
export function RecordHeader({ headingId, kind, id, badges, children }: { headingId: string; kind: string; id: number; badges: React.ReactNode; children: React.ReactNode }) {
  return (
    <header className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id={headingId} className="text-2xl font-semibold">
          {kind} <span className="font-mono">{id}</span>
        </h1>
        {badges}
      </div>
      {children}
    </header>
  );
}
