// A duration in words, in the current language: the two largest units from lib/time/format.ts's
// durationParts, each through the catalogue's plural forms ("3 h 5 min"; "٣ ساعات و٥ دقائق").
import { durationParts } from "../time/format";
import { formatCount, formatText } from "./format-template";

type Key = "underSecond" | "day" | "hour" | "minute" | "second" | "pair";
type Translate = ((key: Key, values?: Record<string, string | number>) => string) & { raw(key: Key): unknown };

/**
 * `t`: the translator of the "duration" namespace (useTranslations or getTranslations); `locale`
 * its locale (useLocale, getLocale): with it, each unit's wording is formatted once per count and
 * remembered (a list formats one duration per row).
 */
export function durationText(t: Translate, ms: number, locale?: string): string {
  const unit = (key: Key, count: number) => (locale === undefined ? t(key, { count }) : formatCount(t, locale, key, count));
  const parts = durationParts(ms).map(({ unit: key, count }) => unit(key, count));
  if (parts.length === 0) return t("underSecond");
  return parts.length === 1 ? parts[0]! : formatText(t, "pair", { first: parts[0]!, second: parts[1]! });
}
