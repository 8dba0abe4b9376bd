import { useTranslations } from "next-intl";
import type { ConsultationSummaryDto } from "@/lib/schemas/consultation";

/** A consultation's current diagnosis in a table cell: the ICD-10 code, then the name; or why there is none. */
export function Diagnosis({ diagnosis }: { diagnosis: ConsultationSummaryDto["diagnosis"] }) {
  const t = useTranslations("consultation");
  if (diagnosis === null) return <span className="quiet">{t("diagnosisNone")}</span>;
  if (diagnosis.code === null && diagnosis.name === null) return <span className="quiet">{t("noDiagnosis")}</span>;
  return (
    <span>
      {diagnosis.code ? (
        <code className="me-1.5 rounded-sm bg-slate-100 px-1 text-xs" dir="auto">
          {diagnosis.code}
        </code>
      ) : null}
      {diagnosis.name ? <span dir="auto">{diagnosis.name}</span> : null}
    </span>
  );
}
