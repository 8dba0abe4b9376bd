// Which language a request gets: the user's preference, else the cookie, else Accept-Language,
// else English; and the tags Intl gets for a language and its digits.
import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative } from "../time/format";
import { directionOf, intlLocaleOf, uiLocaleOfTag } from "./locales";
import { localeFromAcceptLanguage, resolveDigits, resolveLocale } from "./resolve";

describe("resolveLocale", () => {
  it("takes the signed-in user's preference first, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ preference: "ar", cookie: "en", acceptLanguage: "en-US" })).toBe("ar");
    expect(resolveLocale({ preference: "en", cookie: "ar", acceptLanguage: "ar" })).toBe("en");
    expect(resolveLocale({ preference: null, cookie: "ar", acceptLanguage: "en-US,en;q=0.9" })).toBe("ar");
    expect(resolveLocale({ preference: null, cookie: null, acceptLanguage: "ar-JO,ar;q=0.9,en;q=0.8" })).toBe("ar");
    expect(resolveLocale({ preference: null, cookie: null, acceptLanguage: "fr-FR,fr;q=0.9" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("ignores values that are not one of its languages (a hostile cookie, an old preference)", () => {
    expect(resolveLocale({ preference: "fr", cookie: "<script>", acceptLanguage: "ar" })).toBe("ar");
    expect(resolveLocale({ preference: "AR", cookie: "ar-EG", acceptLanguage: null })).toBe("en");
  });
});

describe("localeFromAcceptLanguage", () => {
  it("picks the best-quality language of ours, keeping the header's order on ties", () => {
    expect(localeFromAcceptLanguage("fr;q=0.9, ar;q=0.5, en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("de, ar-SA, en")).toBe("ar");
    expect(localeFromAcceptLanguage("en-US")).toBe("en");
    expect(localeFromAcceptLanguage("ar;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(";;;,q=,ar;q=abc")).toBe("ar");
  });
});

describe("digits and direction", () => {
  it("are Latin unless the user chose Arabic-Indic; Arabic reads right to left", () => {
    expect(resolveDigits(null)).toBe("latn");
    expect(resolveDigits("arab")).toBe("arab");
    expect(resolveDigits("roman")).toBe("latn");
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
  });

  it("reach dates, times and relative times through Intl", () => {
    const instant = new Date("2023-06-15T09:38:50Z");
    expect(formatDateTime(instant, "Asia/Amman", intlLocaleOf("en", "latn"))).toBe("15 Jun 2023, 12:38:50");
    expect(formatDateTime(instant, "Asia/Amman", intlLocaleOf("ar", "latn"))).toBe("15 يونيو 2023، 12:38:50");
    expect(formatDateTime(instant, "Asia/Amman", intlLocaleOf("ar", "arab"))).toBe("١٥ يونيو ٢٠٢٣، ١٢:٣٨:٥٠");
    expect(formatRelative(new Date(instant.getTime() - 5 * 60_000), instant, intlLocaleOf("ar", "arab"))).toBe("قبل ٥ دقائق");
    expect(formatRelative(new Date(instant.getTime() - 5 * 60_000), instant)).toBe("5 minutes ago");
    expect(uiLocaleOfTag(intlLocaleOf("ar", "arab"))).toBe("ar");
    expect(uiLocaleOfTag("en-GB-u-nu-latn")).toBe("en");
  });
});
