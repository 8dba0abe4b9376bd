import Link from "next/link";
import { auditActionLabels, isAuditAction } from "@/lib/audit/catalogue";
import type { AuditEventDto } from "@/lib/schemas/audit-query";
import { LocalTime } from "../local-time";
import { actorText } from "./audit-table";

/** The admin's "who opened this" panel on a consultation page: its latest openings. */
export function WhoOpened({ openings, consultationId, timeZone }: { openings: AuditEventDto[]; consultationId: number; timeZone: string }) {
  return (
    <section aria-labelledby="who-opened-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="who-opened">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="who-opened-heading" className="text-lg font-semibold">
          Who opened this
        </h2>
        <Link href={`/audit?consultation=${consultationId}`} prefetch={false} className="text-sm text-sky-800 underline">
          Everything in the audit trail
        </Link>
      </div>
      <ul className="divide-y divide-slate-100 text-sm">
        {openings.map((event) => (
          <li key={event.seq} className="flex flex-wrap gap-x-3 py-1.5">
            <LocalTime utc={event.at} timeZone={timeZone} className="text-slate-700" />
            <span dir="auto" className="font-medium">
              {actorText(event)}
            </span>
            <span>{isAuditAction(event.action) ? auditActionLabels[event.action] : event.action}</span>
            {event.recommendationId !== null ? <span className="text-slate-600">recommendation {event.recommendationId}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
