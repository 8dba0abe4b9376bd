// The current request's language, digits and direction: one lookup per request (React cache),
// shared by the root layout, next-intl's request config (lib/i18n/request.ts) and pages.
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCaller } from "../auth/caller";
import { directionOf, intlLocaleOf, localeCookie, type Digits, type UiLocale } from "./locales";
import { resolveDigits, resolveLocale } from "./resolve";

export type UiSettings = { locale: UiLocale; digits: Digits; dir: "rtl" | "ltr"; intlLocale: string };

export const getUiSettings = cache(async (): Promise<UiSettings> => {
  const [caller, cookieStore, headerList] = await Promise.all([getCaller(), cookies(), headers()]);
  const locale = resolveLocale({
    preference: caller?.locale,
    cookie: cookieStore.get(localeCookie)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const digits = resolveDigits(caller?.digits);
  return { locale, digits, dir: directionOf(locale), intlLocale: intlLocaleOf(locale, digits) };
});
