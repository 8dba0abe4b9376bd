// How a drug, the paper size and the page box read on the printed prescription.
import { describe, expect, it } from "vitest";
import { describeDrug, lineText, presentText } from "@/components/print/drug-line";
import { pageRule } from "@/components/print/page-rule";
import { parsePaperSize } from "@/lib/schemas/print-view";
import { drugDto, sampleDrugDtos } from "@/tests/support/drugs";

const emptyDrug = drugDto();
// The first drug of Altibbi's sample, as lib/data returns it.
const orap = sampleDrugDtos[0]!;

describe("describeDrug", () => {
  it("reads the sample drug as the viewer's line: trade name (generic), strength, form, dose, route, frequency, duration, package", () => {
    const lines = describeDrug(orap);
    expect(lines.title).toBe("ORAP FORTE TAB 4 MG");
    expect(lines.generic).toBe("PIMOZIDE");
    expect(lineText(lines.strength)).toBe("strength 4 · tablet");
    expect(lineText(lines.dose)).toBe("2 capsule · oral · Four times daily · duration 5");
    expect(lineText(lines.package)).toBe("Blister · size 20");
    expect(lines.instructions).toEqual([]);
  });

  it("adds relation with food to the dose line and the instructions on their own", () => {
    const lines = describeDrug({ ...orap, relationWithFood: "After food", specialInstructions: "Avoid grapefruit", howToUse: " Swallow whole " });
    expect(lineText(lines.dose)).toBe("2 capsule · oral · Four times daily · duration 5 · After food");
    expect(lines.instructions).toEqual([
      { label: "Instructions:", value: "Avoid grapefruit" },
      { label: "How to use:", value: "Swallow whole" },
    ]);
  });

  it("leaves missing and blank values out instead of printing null, undefined or empty labels", () => {
    const lines = describeDrug({ ...emptyDrug, tradeName: "  ", name: "KETOPROFEN", dosageUnit: "tablet", duration: "", packageSize: "28" });
    expect(lines.title).toBe("KETOPROFEN");
    expect(lines.generic).toBeNull();
    expect(lines.strength).toEqual([]);
    expect(lineText(lines.dose)).toBe("tablet");
    expect(lineText(lines.package)).toBe("size 28");
    const values = [lines.strength, lines.dose, lines.instructions, lines.package].flat().map((part) => part.value);
    expect(values.filter((value) => value.trim() === "" || /^(null|undefined)$/.test(value))).toEqual([]);

    expect(describeDrug(emptyDrug)).toEqual({ title: null, generic: null, strength: [], dose: [], instructions: [], package: [] });
  });

  it("does not repeat a generic name that is the trade name", () => {
    expect(describeDrug({ ...orap, tradeName: "Pimozide" }).generic).toBeNull();
  });

  it("keeps Arabic values whole, as sent", () => {
    const lines = describeDrug({ ...orap, tradeName: "بنادول إكسترا 500 ملغ", dosageUnit: "قرص", frequency: "ثلاث مرات يومياً" });
    expect(lines.title).toBe("بنادول إكسترا 500 ملغ");
    expect(lines.dose.slice(0, 3)).toEqual([{ value: "2 قرص" }, { value: "oral" }, { value: "ثلاث مرات يومياً" }]);
  });
});

describe("presentText", () => {
  it("trims, and turns missing or blank text into null", () => {
    expect(presentText(" a ")).toBe("a");
    for (const value of [null, undefined, "", "  \n "]) expect(presentText(value)).toBeNull();
  });
});

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
