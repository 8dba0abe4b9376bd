// A duration in words, in the current language: the two largest units from lib/time/format.ts's
// durationParts, each through the catalogue's plural forms ("3 h 5 min"; "٣ ساعات و٥ دقائق").
import { durationParts } from "../time/format";

type Translate = (key: "underSecond" | "day" | "hour" | "minute" | "second" | "pair", values?: Record<string, string | number>) => string;

/** `t`: the translator of the "duration" namespace (useTranslations or getTranslations). */
export function durationText(t: Translate, ms: number): string {
  const parts = durationParts(ms).map(({ unit, count }) => t(unit, { count }));
  if (parts.length === 0) return t("underSecond");
  return parts.length === 1 ? parts[0]! : t("pair", { first: parts[0]!, second: parts[1]! });
}
