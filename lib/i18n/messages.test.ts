// The two catalogues: the same keys, the same placeholders in each message, valid ICU, and the
// Arabic plural forms (zero, one, two, few, many, other) wherever a message counts something.
import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import { durationText } from "./duration";
import { catalogueProblems, flatten, placeholdersOf } from "./catalogue-check";
import { pickMessages } from "./messages";

describe("messages/en.json and messages/ar.json", () => {
  it("have the same keys and the same placeholders in every message", () => {
    expect(catalogueProblems(en, ar)).toEqual([]);
  });

  it("are valid ICU messages in their language", () => {
    for (const [catalogue, locale] of [[en, "en"], [ar, "ar"]] as const) {
      for (const [key, message] of flatten(catalogue)) expect(() => new IntlMessageFormat(message, locale), `${locale} ${key}`).not.toThrow();
    }
  });

  it("give every Arabic plural all six of Arabic's forms", () => {
    const plurals = [...flatten(ar)].filter(([, message]) => /\{\s*\w+\s*,\s*plural\s*,/.test(message));
    expect(plurals.length).toBeGreaterThan(5);
    for (const [key, message] of plurals) {
      for (const form of ["zero", "one", "two", "few", "many", "other"]) expect(message, `${key} lacks ${form}`).toMatch(new RegExp(`\\b${form} \\{`));
    }
  });
});

describe("the checks themselves", () => {
  it("find a missing key, an extra key and a placeholder only one side has", () => {
    const problems = catalogueProblems(
      { a: { b: "Hello {name}", c: "Same" }, d: "Gone" },
      { a: { b: "مرحبًا", c: "نفسه", e: "زائد" } },
    );
    expect(problems).toEqual(["missing in the second: d", "only in the second: a.e", "a.b: placeholders differ (name | —)"]);
  });

  it("read placeholders through plural, select and rich-text tags, not the words inside them", () => {
    expect([...placeholdersOf("{count, plural, one {# day for {who}} other {# days}} <b>{x}</b>")].sort()).toEqual(["count", "who", "x", "<b>"].sort());
    expect([...placeholdersOf("Plain words")]).toEqual([]);
  });
});

describe("Arabic plural forms read differently for 0, 1, 2, 3–10, 11–99 and 100+", () => {
  const t = createTranslator({ locale: "ar", messages: ar, namespace: "duration" });
  const hours = (count: number) => t("hour", { count });

  it("words hours as Arabic grammar wants them", () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100].map(hours)).toEqual(["0 ساعة", "ساعة واحدة", "ساعتان", "3 ساعات", "10 ساعات", "11 ساعة", "99 ساعة", "100 ساعة"]);
  });

  it("uses Arabic-Indic digits when the locale asks for them", () => {
    const arabic = createTranslator({ locale: "ar-u-nu-arab", messages: ar, namespace: "duration" });
    expect(arabic("minute", { count: 5 })).toBe("٥ دقائق");
    expect(durationText(arabic, (3 * 60 + 5) * 60_000)).toBe("٣ ساعات و٥ دقائق");
  });

  it("keeps the English durations as they were", () => {
    const english = createTranslator({ locale: "en-GB-u-nu-latn", messages: en, namespace: "duration" });
    expect(durationText(english, (3 * 60 + 5) * 60_000)).toBe("3 h 5 min");
    expect(durationText(english, 500)).toBe("< 1 s");
    expect(durationText(english, 2 * 86_400_000 + 4 * 3_600_000 + 59_000)).toBe("2 d 4 h");
  });
});

describe("pickMessages", () => {
  it("sends a client component whole namespaces and only the parts of others it names", () => {
    const picked = pickMessages(en, ["status", "tasks.states", "tasks.row"]);
    expect(Object.keys(picked).sort()).toEqual(["status", "tasks"]);
    expect(picked.status).toEqual(en.status);
    expect(picked.tasks).toEqual({ states: en.tasks.states, row: en.tasks.row });
    // The worklist's own words stay on the server.
    expect(JSON.stringify(picked)).not.toContain(en.tasks.problems.conflict);
  });
});
