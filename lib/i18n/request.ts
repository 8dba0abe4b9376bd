// next-intl's request configuration (next.config.ts points createNextIntlPlugin here): no
// locale in the URL ("without i18n routing"); the locale is resolved per request.
import { getRequestConfig } from "next-intl/server";
import { getViewerTimeZone } from "../viewer-time-zone";
import { getUiSettings } from "./settings";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const [settings, timeZone] = await Promise.all([getUiSettings(), getViewerTimeZone()]);
  return { locale: settings.intlLocale, timeZone, messages: await loadMessages(settings.locale) };
});
