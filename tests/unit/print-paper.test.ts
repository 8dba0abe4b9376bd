// The paper size and the page box of the printed prescription (how a drug reads on it:
// lib/present/drug.test.ts).
import { describe, expect, it } from "vitest";
import { pageRule, printPageRulesFor } from "@/lib/present/print-page-rule";
import { parsePaperSize } from "@/lib/schemas/print-view";

describe("parsePaperSize", () => {
  it("is A5 only when asked for, A4 otherwise", () => {
    expect(parsePaperSize("a5")).toBe("a5");
    expect(parsePaperSize("A5")).toBe("a5");
    expect(parsePaperSize("a4")).toBe("a4");
    for (const value of [undefined, "", "letter", ["a5", "a4"], "a5;}"]) expect(parsePaperSize(value)).toBe("a4");
  });
});

describe("pageRule", () => {
  it("sets the page size and margins of the chosen paper, with the consultation in the footer", () => {
    expect(pageRule("a4", 72)).toMatch(/^@page \{ size: A4 portrait; margin: [\d.]+mm [\d.]+mm [\d.]+mm; @bottom-right \{ content: "Consultation 72 · page " counter\(page\) " of " counter\(pages\);/);
    expect(pageRule("a5", 72)).toContain("size: A5 portrait;");
  });

  it("never writes anything but a safe integer into the CSS", () => {
    expect(pageRule("a4", Number.NaN)).toContain('"Consultation 0 · page "');
    expect(pageRule("a4", 1.5)).toContain('"Consultation 0 · page "');
  });
});

describe("pageRule in Arabic", () => {
  it("words the footer in Arabic at the bottom left, with Arabic-Indic page numbers when chosen", () => {
    const latin = pageRule("a5", 72, { locale: "ar", digits: "latn" });
    expect(latin).toContain('@bottom-left { content: "الاستشارة 72 · صفحة " counter(page) " من " counter(pages);');
    expect(pageRule("a5", 72, { locale: "ar", digits: "arab" })).toContain("counter(page, arabic-indic)");
    expect(pageRule("a4", 72, { locale: "en", digits: "latn" })).toBe(pageRule("a4", 72));
  });

  it("lets the proxy allow every language's rule for the print page, and none elsewhere", () => {
    const rules = printPageRulesFor("/consultations/72/print", new URLSearchParams("paper=a5"));
    expect(rules).toHaveLength(4);
    expect(rules).toContain(pageRule("a5", 72, { locale: "ar", digits: "arab" }));
    expect(rules).toContain(pageRule("a5", 72));
    expect(printPageRulesFor("/consultations/72", new URLSearchParams())).toEqual([]);
  });
});
