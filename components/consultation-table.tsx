import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ConsultationSummaryDto } from "@/lib/schemas/consultation";
import { DataTable } from "./data-table";
import { Diagnosis } from "./diagnosis";
import { Duration } from "./duration";
import { freshClass } from "./fresh";
import { LocalTime } from "./local-time";
import { MemberLink, PolicyLink } from "./member-links";
import { StatusBadge } from "./status-badge";

const columns = ["consultation", "member", "insuranceId", "policyNumber", "status", "inStatusFor", "lastEvent", "recommendation", "drugs"] as const;

function Text({ value }: { value: string | null }) {
  return value === null || value === "" ? <span className="quiet">—</span> : <span dir="auto">{value}</span>;
}

// Row links are not prefetched: a page of 50 rows would cost 50 server renders on every load
// and on every live refresh.
export function ConsultationTable({ items, timeZone, now }: { items: ConsultationSummaryDto[]; timeZone: string; now: Date }) {
  const t = useTranslations("consultations.table");
  const number = new Intl.NumberFormat(useLocale());
  return (
    <DataTable caption={t("caption")} headers={columns.map((column) => t(column))} testId="consultation-table">
      {items.map((item) => (
        <tr key={item.id} data-row-id={item.id} className={freshClass(item.updatedAt, now)}>
          <td data-label={t("consultation")}>
            <Link href={`/consultations/${item.id}`} prefetch={false} className="font-mono font-medium">
              {item.id}
            </Link>
          </td>
          <td data-label={t("member")}>
            <MemberLink userId={item.userId} />
          </td>
          <td data-label={t("insuranceId")}>
            <Text value={item.insuranceId} />
          </td>
          <td data-label={t("policyNumber")}>
            <PolicyLink policyNumber={item.policyNumber} />
          </td>
          <td data-label={t("status")}>
            <StatusBadge status={item.status} />
          </td>
          <td data-label={t("inStatusFor")}>{item.statusSince ? <Duration ms={now.getTime() - Date.parse(item.statusSince.utc)} /> : <span className="quiet">—</span>}</td>
          <td data-label={t("lastEvent")}>
            <LocalTime utc={item.lastEventTime.utc} sent={item.lastEventTime.sent} timeZone={timeZone} />
          </td>
          <td data-label={t("recommendation")}>
            <Diagnosis diagnosis={item.diagnosis} />
          </td>
          <td data-label={t("drugs")}>{item.drugCount === null ? <span className="quiet">—</span> : number.format(item.drugCount)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
