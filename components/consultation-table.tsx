import { useLocale, useTranslations } from "next-intl";
import { durationText } from "@/lib/i18n/duration";
import { integerFormat } from "@/lib/i18n/format-template";
import type { ConsultationSummaryDto } from "@/lib/schemas/consultation";
import { ConsultationRows, type ConsultationRowView } from "./consultation-rows";
import { freshClass } from "./fresh";
import { localTimeText } from "./local-time";
import { statusLabel } from "./status-badge";

/**
 * The list's rows: every word formatted here, in the viewer's language and time zone, and the
 * table rendered by one client component from them (consultation-rows.tsx says why). Links are
 * not prefetched: a page of 50 rows would cost 50 server renders on every load and live refresh.
 */
export function ConsultationTable({ items, timeZone, now }: { items: ConsultationSummaryDto[]; timeZone: string; now: Date }) {
  const t = useTranslations("consultations.table");
  const status = useTranslations("status");
  const time = useTranslations("time");
  const duration = useTranslations("duration");
  const consultation = useTranslations("consultation");
  const locale = useLocale();
  const number = integerFormat(locale);
  const rows = items.map(
    (item): ConsultationRowView => ({
      id: item.id,
      fresh: freshClass(item.updatedAt, now),
      userId: item.userId,
      insuranceId: item.insuranceId,
      policyNumber: item.policyNumber,
      status: item.status,
      statusLabel: statusLabel(status, item.status),
      inStatusFor: item.statusSince ? durationText(duration, now.getTime() - Date.parse(item.statusSince.utc), locale) : null,
      lastEvent: localTimeText(time, locale, { utc: item.lastEventTime.utc, sent: item.lastEventTime.sent, timeZone }),
      diagnosis: item.diagnosis,
      drugs: item.drugCount === null ? null : number.format(item.drugCount),
    }),
  );
  return (
    <ConsultationRows
      rows={rows}
      text={{
        caption: t("caption"),
        columns: {
          consultation: t("consultation"),
          member: t("member"),
          insuranceId: t("insuranceId"),
          policyNumber: t("policyNumber"),
          status: t("status"),
          inStatusFor: t("inStatusFor"),
          lastEvent: t("lastEvent"),
          recommendation: t("recommendation"),
          drugs: t("drugs"),
        },
        undocumented: { title: status("undocumentedTitle"), note: status("undocumented") },
        diagnosis: { noRecommendation: consultation("diagnosisNone"), noDiagnosis: consultation("noDiagnosis") },
      }}
    />
  );
}
