// The UI's languages and digit systems, and the tags Intl and next-intl get for them. Pure data:
// importable from server and client code alike.

export const uiLocales = ["en", "ar"] as const;
export type UiLocale = (typeof uiLocales)[number];
export const defaultLocale: UiLocale = "en";

/** Latin digits (0–9, the default) or Arabic-Indic (٠–٩). CLDR gives plain `ar` Latin digits. */
export const digitChoices = ["latn", "arab"] as const;
export type Digits = (typeof digitChoices)[number];
export const defaultDigits: Digits = "latn";

/** The cookie the header's language switch sets (one year; anyone may set it). */
export const localeCookie = "locale";

export const isUiLocale = (value: unknown): value is UiLocale => typeof value === "string" && (uiLocales as readonly string[]).includes(value);
export const isDigits = (value: unknown): value is Digits => typeof value === "string" && (digitChoices as readonly string[]).includes(value);

export const directionOf = (locale: UiLocale): "rtl" | "ltr" => (locale === "ar" ? "rtl" : "ltr");

/**
 * The BCP 47 tag for Intl and next-intl: the language (English as en-GB, so dates read
 * "15 Jun 2023, 12:38:50" as before) with the digits as a Unicode extension, e.g. "ar-u-nu-arab".
 */
export function intlLocaleOf(locale: UiLocale, digits: Digits): string {
  return `${locale === "en" ? "en-GB" : "ar"}-u-nu-${digits}`;
}

/** The UI language of an Intl tag made by intlLocaleOf (or any tag: Arabic when it says so, else English). */
export const uiLocaleOfTag = (tag: string): UiLocale => (/^ar(-|$)/i.test(tag) ? "ar" : "en");
