import { useLocale, useTranslations } from "next-intl";
import { integerFormat } from "@/lib/i18n/format-template";
import type { ConsultationSummaryDto } from "@/lib/schemas/consultation";
import { DataTable } from "./data-table";
import { Diagnosis } from "./diagnosis";
import { Duration } from "./duration";
import { freshClass } from "./fresh";
import { LocalTime } from "./local-time";
import { MemberLink, PolicyLink } from "./member-links";
import { StatusBadge } from "./status-badge";

const columns = ["consultation", "member", "insuranceId", "policyNumber", "status", "inStatusFor", "lastEvent", "recommendation", "drugs"] as const;

const blank = <span className="quiet">—</span>;

function Text({ value }: { value: string | null }) {
  return value === null || value === "" ? blank : <span dir="auto">{value}</span>;
}

/**
 * The list's rows. Links are plain anchors: the page wraps the table in one SoftNavigation (a
 * client component) that navigates in-app, as next/link would, so no row carries a client
 * boundary. Not prefetched either: a page of 50 rows would cost 50 server renders on every load
 * and on every live refresh.
 */
export function ConsultationTable({ items, timeZone, now }: { items: ConsultationSummaryDto[]; timeZone: string; now: Date }) {
  const t = useTranslations("consultations.table");
  const number = integerFormat(useLocale());
  const label = Object.fromEntries(columns.map((column) => [column, t(column)])) as Record<(typeof columns)[number], string>;
  return (
    <DataTable caption={t("caption")} headers={columns.map((column) => label[column])} testId="consultation-table">
      {items.map((item) => (
        <tr key={item.id} data-row-id={item.id} className={freshClass(item.updatedAt, now)}>
          <td data-label={label.consultation}>
            <a href={`/consultations/${item.id}`} className="font-mono font-medium">
              {item.id}
            </a>
          </td>
          <td data-label={label.member}>
            <MemberLink userId={item.userId} plain />
          </td>
          <td data-label={label.insuranceId}>
            <Text value={item.insuranceId} />
          </td>
          <td data-label={label.policyNumber}>
            <PolicyLink policyNumber={item.policyNumber} plain />
          </td>
          <td data-label={label.status}>
            <StatusBadge status={item.status} />
          </td>
          <td data-label={label.inStatusFor}>{item.statusSince ? <Duration ms={now.getTime() - Date.parse(item.statusSince.utc)} /> : blank}</td>
          <td data-label={label.lastEvent}>
            <LocalTime utc={item.lastEventTime.utc} sent={item.lastEventTime.sent} timeZone={timeZone} />
          </td>
          <td data-label={label.recommendation}>
            <Diagnosis diagnosis={item.diagnosis} />
          </td>
          <td data-label={label.drugs}>{item.drugCount === null ? blank : number.format(item.drugCount)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
