// The fast paths say exactly what next-intl says, for every message of both catalogues.
import { createTranslator } from "next-intl";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import { flatten, placeholdersOf } from "./catalogue-check";
import { durationText } from "./duration";
import { formatCount, formatRich, formatText } from "./format-template";

const catalogues = [
  [en, "en-GB-u-nu-latn"],
  [ar, "ar-u-nu-arab"],
] as const;

type Loose = ((key: string, values?: Record<string, string | number>) => string) & { raw(key: string): unknown };
type LooseRich = Loose & { rich(key: string, values: Record<string, string | ((chunks: ReactNode) => ReactNode)>): ReactNode };

describe("formatText", () => {
  it("formats every message with string values as next-intl does, in English and Arabic", () => {
    for (const [messages, locale] of catalogues) {
      const t = createTranslator({ locale, messages, timeZone: "UTC", onError: () => {} }) as unknown as Loose;
      let checked = 0;
      for (const [key, message] of flatten(messages)) {
        // Values for its placeholders (strings: the only kind formatText takes); tags get none.
        if (/<\w/.test(message) || /\{\s*\w+\s*,/.test(message)) continue;
        const values = Object.fromEntries([...placeholdersOf(message)].map((name, index) => [name, `v${index} «${name}»`]));
        expect(formatText(t, key, values), `${locale} ${key}`).toBe(t(key, values));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(100);
    }
  });

  it("leaves messages with ICU syntax beyond {name} to next-intl", () => {
    const t = createTranslator({ locale: "en", messages: { quoted: "It''s {name}", plural: "{n, plural, one {# row} other {# rows}}" }, onError: () => {} }) as unknown as Loose;
    expect(formatText(t, "quoted", { name: "here" })).toBe("It's here");
    expect(formatText(t, "plural", { n: "2" })).toBe(t("plural", { n: "2" }));
  });
});

describe("formatRich", () => {
  const markup = (node: ReactNode) => renderToStaticMarkup(createElement("p", null, node));

  it("renders every message with tags as next-intl's t.rich does, in English and Arabic", () => {
    for (const [messages, locale] of catalogues) {
      const t = createTranslator({ locale, messages, timeZone: "UTC", onError: () => {} }) as unknown as LooseRich;
      let checked = 0;
      for (const [key, message] of flatten(messages)) {
        if (!/<\w/.test(message) || /\{\s*\w+\s*,/.test(message)) continue;
        // Strings for its arguments, an element for each tag (around what the tag holds, if anything).
        const values = Object.fromEntries(
          [...placeholdersOf(message)].map((name, index) =>
            name.startsWith("<") ? [name.slice(1, -1), (chunks: ReactNode) => createElement("b", { "data-tag": name.slice(1, -1) }, chunks)] : [name, `v${index} «${name}»`],
          ),
        );
        expect(markup(formatRich(t, key, values)), `${locale} ${key}`).toBe(markup(t.rich(key, values)));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(20);
    }
  });

  it("fills a message of arguments and empty tags itself, without next-intl's formatting", () => {
    const t = { raw: () => "Received <time></time> ({duration} after the event)", rich: () => { throw new Error("formatted by next-intl"); } };
    const time = () => createElement("time", null, "10:00");
    expect(markup(formatRich(t, "receivedAfter", { time, duration: "5 min" }))).toBe("<p>Received <time>10:00</time> (5 min after the event)</p>");
  });

  it("leaves tags with content and ICU syntax beyond {name} to next-intl", () => {
    const t = createTranslator({ locale: "en", messages: { held: "See <link>the guide</link> for {what}", plural: "{n, plural, one {# <b></b>} other {# rows}}" }, onError: () => {} }) as unknown as LooseRich;
    const link = (chunks: ReactNode) => createElement("a", { href: "/guide" }, chunks);
    expect(markup(formatRich(t, "held", { link, what: "setup" }))).toBe('<p>See <a href="/guide">the guide</a> for setup</p>');
    expect(markup(formatRich(t, "plural", { n: "1", b: () => "x" }))).toBe(markup(t.rich("plural", { n: "1", b: () => "x" })));
  });
});

describe("formatCount and durationText with a locale", () => {
  it("word every unit as next-intl does, remembered or not", () => {
    for (const [messages, locale] of catalogues) {
      const t = createTranslator({ locale, messages, namespace: "duration", timeZone: "UTC" }) as unknown as Loose;
      for (const key of ["day", "hour", "minute", "second"]) {
        for (const count of [0, 1, 2, 3, 11, 59, 100, 365]) {
          expect(formatCount(t, locale, key, count), `${locale} ${key} ${count}`).toBe(t(key, { count }));
          expect(formatCount(t, locale, key, count), `${locale} ${key} ${count}, remembered`).toBe(t(key, { count }));
        }
      }
      for (const ms of [500, 40_000, 12 * 60_000, (3 * 60 + 5) * 60_000, 2 * 86_400_000 + 4 * 3_600_000]) {
        expect(durationText(t, ms, locale)).toBe(durationText(t, ms));
      }
    }
  });
});
