import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DeliverySummaryDto } from "@/lib/schemas/delivery";
import { DataTable } from "./data-table";
import { freshClass } from "./fresh";
import { LocalTime } from "./local-time";
import { OutcomeBadge } from "./outcome-badge";

const columns = ["received", "type", "consultation", "outcome", "http", "error", "details"] as const;

// Links are not prefetched (see ConsultationTable).
export function DeliveriesTable({ items, timeZone, now }: { items: DeliverySummaryDto[]; timeZone: string; now: Date }) {
  const t = useTranslations("deliveries.table");
  const headers = columns.map((column) => t(column));
  const [received, type, consultation, outcome, http, error, details] = headers;
  return (
    <DataTable caption={t("caption")} headers={headers} testId="deliveries-table">
      {items.map((item) => (
        <tr key={item.id} data-row-id={item.id} className={freshClass(item.receivedAt, now)}>
          <td data-label={received}>
            <LocalTime utc={item.receivedAt} timeZone={timeZone} />
          </td>
          <td data-label={type}>
            {item.type ? (
              <code className="text-xs" dir="auto">
                {item.type}
              </code>
            ) : (
              <span className="quiet">{t("unknownType")}</span>
            )}
          </td>
          <td data-label={consultation}>
            {item.consultationId !== null ? (
              <Link href={`/consultations/${item.consultationId}`} prefetch={false} className="font-mono">
                {item.consultationId}
              </Link>
            ) : (
              <span className="quiet">—</span>
            )}
          </td>
          <td data-label={outcome}>
            <OutcomeBadge outcome={item.outcome} />
          </td>
          <td data-label={http}>{item.httpStatus}</td>
          <td data-label={error} className="md:max-w-md">
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
          <td data-label={details}>
            <Link href={`/deliveries/${item.id}`} prefetch={false}>
              {t.rich("open", { id: String(item.id), sr: (chunks) => <span className="sr-only">{chunks}</span> })}
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
