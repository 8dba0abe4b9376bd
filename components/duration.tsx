import { useLocale, useTranslations } from "next-intl";
import { durationText } from "@/lib/i18n/duration";

/** A duration in the current language ("3 h 5 min"), for components that render synchronously. */
export function Duration({ ms }: { ms: number }) {
  const t = useTranslations("duration");
  return <>{durationText(t, ms, useLocale())}</>;
}
