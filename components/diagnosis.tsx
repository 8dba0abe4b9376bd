import { useTranslations } from "next-intl";
import type { ConsultationSummaryDto } from "@/lib/schemas/consultation";
import { DiagnosisView } from "./text-cells";

/** A consultation's current diagnosis in a table cell, in the current language (see DiagnosisView). */
export function Diagnosis({ diagnosis }: { diagnosis: ConsultationSummaryDto["diagnosis"] }) {
  const t = useTranslations("consultation");
  return <DiagnosisView diagnosis={diagnosis} text={{ noRecommendation: t("diagnosisNone"), noDiagnosis: t("noDiagnosis") }} />;
}
