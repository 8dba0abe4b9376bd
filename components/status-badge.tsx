import { useTranslations } from "next-intl";
import { isDocumentedStatus } from "@/lib/statuses";
import { StatusBadgeView } from "./text-cells";

/** A consultation status as a colour-coded badge, in the current language (see StatusBadgeView). */
export function StatusBadge({ status }: { status: string | null }) {
  const t = useTranslations("status");
  if (status !== null && !isDocumentedStatus(status)) {
    return <StatusBadgeView status={status} label={status} undocumented={{ title: t("undocumentedTitle"), note: t("undocumented") }} />;
  }
  return <StatusBadgeView status={status} label={statusLabel(t, status)} />;
}

/** A status's label in the current language: documented ones translated, none yet in words, any other as sent. */
export function statusLabel(t: ReturnType<typeof useTranslations<"status">>, status: string | null): string {
  return status === null ? t("none") : isDocumentedStatus(status) ? t(`labels.${status}`) : status;
}
