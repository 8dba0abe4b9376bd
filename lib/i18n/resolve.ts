// Which language a request gets, in order: the signed-in user's preference (/account or the
// header's switch), the `locale` cookie (the switch, signed out too), the browser's
// Accept-Language, English. Pure: lib/i18n/settings.ts feeds it the request's values.
import { defaultDigits, defaultLocale, isDigits, isUiLocale, type Digits, type UiLocale } from "./locales";

export type LocaleSources = {
  /** User.locale of the signed-in user (null: none chosen, or signed out). */
  preference?: string | null;
  /** The `locale` cookie's value. */
  cookie?: string | null;
  /** The Accept-Language header. */
  acceptLanguage?: string | null;
};

export function resolveLocale({ preference, cookie, acceptLanguage }: LocaleSources): UiLocale {
  if (isUiLocale(preference)) return preference;
  if (isUiLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? defaultLocale;
}

/** The digits: the signed-in user's choice, else Latin. */
export const resolveDigits = (preference: string | null | undefined): Digits => (isDigits(preference) ? preference : defaultDigits);

/**
 * The first language of ours the browser asks for, by quality ("ar-JO,ar;q=0.9,en;q=0.8" → ar;
 * "fr, en;q=0.5" → en; "fr" → null). Malformed parts are skipped; q=0 means "not this one".
 */
export function localeFromAcceptLanguage(header: string | null | undefined): UiLocale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 1024)
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/i.exec(param)).find(Boolean);
      return { language: range.trim().split("-")[0]!.toLowerCase(), quality: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.quality > 0 && isUiLocale(entry.language))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const first = ranges[0]?.language;
  return isUiLocale(first) ? first : null;
}
