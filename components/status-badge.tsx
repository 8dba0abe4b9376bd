import { useTranslations } from "next-intl";
import { isDocumentedStatus, statusStyles } from "@/lib/statuses";

/**
 * A consultation status as a colour-coded badge. Documented statuses get their label; any other
 * is shown exactly as Altibbi sent it, dashed and marked, because it is not one we know.
 */
export function StatusBadge({ status }: { status: string | null }) {
  const t = useTranslations("status");
  if (status === null) {
    return <span className="badge font-normal text-slate-600 ring-slate-300">{t("none")}</span>;
  }
  if (!isDocumentedStatus(status)) {
    return (
      <span
        className="inline-flex items-center gap-1 rounded-full border border-dashed border-slate-500 bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-800"
        title={t("undocumentedTitle")}
        data-status={status}
      >
        <span aria-hidden="true">?</span>
        <bdi>{status}</bdi>
        <span className="sr-only">({t("undocumented")})</span>
      </span>
    );
  }
  return (
    <span className={`badge ${statusStyles[status].badge}`} data-status={status}>
      {t(`labels.${status}`)}
    </span>
  );
}
