import Link from "next/link";
import type { DeliverySummaryDto } from "@/lib/schemas/delivery";
import { LocalTime } from "./local-time";
import { OutcomeBadge } from "./outcome-badge";

const freshForMs = 15_000;
const headers = ["Received", "Type", "Consultation", "Outcome", "HTTP", "Error", "Details"];
const cell = "flex gap-3 px-3 py-1 md:table-cell md:py-2 before:w-28 before:shrink-0 before:text-slate-600 before:content-[attr(data-label)] md:before:content-none";

export function DeliveriesTable({ items, timeZone, now }: { items: DeliverySummaryDto[]; timeZone: string; now: Date }) {
  return (
    <table className="block w-full text-sm md:table" data-testid="deliveries-table">
      <caption className="sr-only">Webhook deliveries, newest first</caption>
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
        {items.map((item) => (
          <tr
            key={item.id}
            data-row-id={item.id}
            className={`block rounded-lg border border-slate-200 bg-white py-2 md:table-row md:rounded-none md:border-0 md:border-b md:py-0 ${now.getTime() - Date.parse(item.receivedAt) < freshForMs ? "animate-fresh" : ""}`}
          >
            <td data-label="Received" className={cell}>
              <LocalTime utc={item.receivedAt} timeZone={timeZone} />
            </td>
            <td data-label="Type" className={cell}>
              {item.type ? (
                <code className="font-mono text-xs" dir="auto">
                  {item.type}
                </code>
              ) : (
                <span className="text-slate-600">unknown</span>
              )}
            </td>
            <td data-label="Consultation" className={cell}>
              {item.consultationId !== null ? (
                <Link href={`/consultations/${item.consultationId}`} prefetch={false} className="font-mono text-sky-800 underline-offset-2 hover:underline">
                  {item.consultationId}
                </Link>
              ) : (
                <span className="text-slate-600">—</span>
              )}
            </td>
            <td data-label="Outcome" className={cell}>
              <OutcomeBadge outcome={item.outcome} />
            </td>
            <td data-label="HTTP" className={`${cell} tabular-nums`}>
              {item.httpStatus}
            </td>
            <td data-label="Error" className={`${cell} max-w-md`}>
              {item.errorCode ? (
                <span className="min-w-0 break-words">
                  <code className="font-mono text-xs">{item.errorCode}</code>
                  {item.errorDetail ? (
                    <span className="block text-xs text-slate-700" dir="auto">
                      {item.errorDetail.length > 300 ? `${item.errorDetail.slice(0, 300)}…` : item.errorDetail}
                    </span>
                  ) : null}
                </span>
              ) : (
                <span className="text-slate-600">—</span>
              )}
            </td>
            <td data-label="Details" className={cell}>
              <Link href={`/deliveries/${item.id}`} prefetch={false} className="text-sky-800 underline-offset-2 hover:underline">
                Open<span className="sr-only"> delivery {item.id}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
