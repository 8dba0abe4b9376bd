import Link from "next/link";
import type { DeliverySummaryDto } from "@/lib/schemas/delivery";
import { DataTable } from "./data-table";
import { freshClass } from "./fresh";
import { LocalTime } from "./local-time";
import { OutcomeBadge } from "./outcome-badge";

const headers = ["Received", "Type", "Consultation", "Outcome", "HTTP", "Error", "Details"];

// Links are not prefetched (see ConsultationTable).
export function DeliveriesTable({ items, timeZone, now }: { items: DeliverySummaryDto[]; timeZone: string; now: Date }) {
  return (
    <DataTable caption="Webhook deliveries, newest first" headers={headers} testId="deliveries-table">
      {items.map((item) => (
        <tr key={item.id} data-row-id={item.id} className={freshClass(item.receivedAt, now)}>
          <td data-label="Received">
            <LocalTime utc={item.receivedAt} timeZone={timeZone} />
          </td>
          <td data-label="Type">
            {item.type ? (
              <code className="text-xs" dir="auto">
                {item.type}
              </code>
            ) : (
              <span className="quiet">unknown</span>
            )}
          </td>
          <td data-label="Consultation">
            {item.consultationId !== null ? (
              <Link href={`/consultations/${item.consultationId}`} prefetch={false} className="font-mono">
                {item.consultationId}
              </Link>
            ) : (
              <span className="quiet">—</span>
            )}
          </td>
          <td data-label="Outcome">
            <OutcomeBadge outcome={item.outcome} />
          </td>
          <td data-label="HTTP">{item.httpStatus}</td>
          <td data-label="Error" className="md:max-w-md">
            {item.errorCode ? (
              <span className="min-w-0">
                <code className="text-xs">{item.errorCode}</code>
                {item.errorDetail ? (
                  <span className="block text-xs text-slate-700" dir="auto">
                    {item.errorDetail.length > 300 ? `${item.errorDetail.slice(0, 300)}…` : item.errorDetail}
                  </span>
                ) : null}
              </span>
            ) : (
              <span className="quiet">—</span>
            )}
          </td>
          <td data-label="Details">
            <Link href={`/deliveries/${item.id}`} prefetch={false}>
              Open<span className="sr-only"> delivery {item.id}</span>
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
