import Link from "next/link";
import type { ConsultationSummaryDto } from "@/lib/schemas/consultation";
import { formatDuration } from "@/lib/time";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/** Rows that changed this recently are highlighted when they appear (see the fresh animation). */
export const freshForMs = 15_000;

const headers = ["Consultation", "Member", "Insurance id", "Policy number", "Status", "In status for", "Last event", "Recommendation", "Drugs"];

// Under md the table becomes one card per consultation, each cell labelled by its column.
const cell = "flex gap-3 px-3 py-1 md:table-cell md:py-2 before:w-32 before:shrink-0 before:text-slate-600 before:content-[attr(data-label)] md:before:content-none";

function Quiet({ children = "—" }: { children?: React.ReactNode }) {
  return <span className="text-slate-600">{children}</span>;
}

function Text({ value }: { value: string | null }) {
  return value === null || value === "" ? <Quiet /> : <span dir="auto">{value}</span>;
}

// Row links are not prefetched: a page of 50 rows would cost 50 server renders on every load
// and on every live refresh.
export function ConsultationTable({ items, timeZone, now }: { items: ConsultationSummaryDto[]; timeZone: string; now: Date }) {
  return (
    <table className="block w-full text-sm md:table" data-testid="consultation-table">
      <caption className="sr-only">Consultations</caption>
      <thead className="sr-only md:not-sr-only md:table-header-group">
        <tr className="border-b border-slate-200 text-left text-xs text-slate-600 uppercase">
          {headers.map((header) => (
            <th key={header} scope="col" className="px-3 py-2 font-medium">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block space-y-2 md:table-row-group md:space-y-0">
        {items.map((item) => {
          const fresh = now.getTime() - Date.parse(item.updatedAt) < freshForMs;
          return (
            <tr
              key={item.id}
              data-row-id={item.id}
              className={`block rounded-lg border border-slate-200 bg-white py-2 md:table-row md:rounded-none md:border-0 md:border-b md:py-0 ${fresh ? "animate-fresh" : ""}`}
            >
              <td data-label="Consultation" className={cell}>
                <Link href={`/consultations/${item.id}`} prefetch={false} className="font-mono font-medium text-sky-800 underline-offset-2 hover:underline">
                  {item.id}
                </Link>
              </td>
              <td data-label="Member" className={cell}>
                <Text value={item.userId} />
              </td>
              <td data-label="Insurance id" className={cell}>
                <Text value={item.insuranceId} />
              </td>
              <td data-label="Policy number" className={cell}>
                <Text value={item.policyNumber} />
              </td>
              <td data-label="Status" className={cell}>
                <StatusBadge status={item.status} />
              </td>
              <td data-label="In status for" className={`${cell} tabular-nums`}>
                {item.statusSince ? formatDuration(now.getTime() - Date.parse(item.statusSince.utc)) : <Quiet />}
              </td>
              <td data-label="Last event" className={cell}>
                <LocalTime utc={item.lastEventTime.utc} sent={item.lastEventTime.sent} timeZone={timeZone} />
              </td>
              <td data-label="Recommendation" className={cell}>
                {item.diagnosis === null ? (
                  <Quiet>none yet</Quiet>
                ) : item.diagnosis.code === null && item.diagnosis.name === null ? (
                  <Quiet>no diagnosis</Quiet>
                ) : (
                  <span className="inline-flex min-w-0 flex-wrap items-baseline gap-1.5">
                    {item.diagnosis.code ? (
                      <code className="rounded-sm bg-slate-100 px-1 font-mono text-xs" dir="auto">
                        {item.diagnosis.code}
                      </code>
                    ) : null}
                    {item.diagnosis.name ? <span dir="auto">{item.diagnosis.name}</span> : null}
                  </span>
                )}
              </td>
              <td data-label="Drugs" className={`${cell} tabular-nums`}>
                {item.drugCount === null ? <Quiet /> : item.drugCount}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
