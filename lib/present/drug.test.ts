// How one drug reads: the words both the screen and the paper lay out, and the version diff uses.
import { describe, expect, it } from "vitest";
import type { DrugDto } from "../schemas/consultation";
import { drugDto, sampleDrugDtos } from "@/tests/support/drugs";
import { drugName, lineText, presentDrug, presentDrugField } from "./drug";

const emptyDrug = drugDto();

// The first drug of Altibbi's sample, as lib/data returns it.
const orap: DrugDto = sampleDrugDtos[0]!;

describe("presentDrug", () => {
  it("reads the sample drug as a pharmacist does: trade name (generic), strength, form, dose, route, frequency, for N days, package", () => {
    const shown = presentDrug(orap);
    expect(shown.title).toBe("ORAP FORTE TAB 4 MG");
    expect(shown.generic).toBe("PIMOZIDE");
    expect(lineText(shown.strength)).toBe("strength 4 · tablet");
    expect(lineText(shown.dose)).toBe("2 capsule · oral · Four times daily · for 5 days");
    expect(lineText(shown.package)).toBe("Blister · 20 per pack");
    expect(shown.details).toEqual([]);
  });

  it("keeps Care Desk's words apart from the payload value, so that the value alone is isolated", () => {
    expect(presentDrug(orap).dose[3]).toEqual({ label: "for", labelKey: "for", value: "5", unit: "days", unitKey: "days" });
    expect(presentDrug(orap).package[1]).toEqual({ value: "20", unit: "per pack", unitKey: "perPack" });
  });

  it("says 1 day, and a duration that is not a number of days as sent", () => {
    expect(lineText(presentDrug({ ...emptyDrug, duration: " 1 " }).dose)).toBe("for 1 day");
    expect(lineText(presentDrug({ ...emptyDrug, duration: "a week" }).dose)).toBe("for a week");
  });

  it("adds relation with food to the dose line, and lists the other fields with their labels", () => {
    const shown = presentDrug({ ...orap, relationWithFood: "After food", specialInstructions: "Avoid grapefruit", howToUse: " Swallow whole ", registrationNumber: "6-1234-19" });
    expect(lineText(shown.dose)).toBe("2 capsule · oral · Four times daily · for 5 days · After food");
    expect(shown.details).toEqual([
      { label: "Special instructions", value: "Avoid grapefruit", field: "specialInstructions" },
      { label: "How to use", value: "Swallow whole", field: "howToUse" },
      { label: "Registration no.", value: "6-1234-19", field: "registrationNumber" },
    ]);
  });

  it("leaves missing and blank values out instead of showing null, undefined or empty labels", () => {
    const shown = presentDrug({ ...emptyDrug, tradeName: "  ", name: "KETOPROFEN", dosageUnit: "tablet", duration: "", packageSize: "28" });
    expect(shown.title).toBe("KETOPROFEN");
    expect(shown.generic).toBeNull();
    expect(shown.strength).toEqual([]);
    expect(lineText(shown.dose)).toBe("tablet");
    expect(lineText(shown.package)).toBe("28 per pack");
    const values = [shown.strength, shown.dose, shown.package].flat().map((part) => part.value);
    expect(values.filter((value) => value.trim() === "" || /^(null|undefined)$/.test(value))).toEqual([]);

    expect(presentDrug(emptyDrug)).toEqual({ title: "Unnamed drug", named: false, generic: null, strength: [], dose: [], package: [], details: [] });
  });

  it("does not repeat a generic name that is the trade name", () => {
    expect(presentDrug({ ...orap, tradeName: "Pimozide" }).generic).toBeNull();
  });

  it("keeps Arabic values whole, as sent", () => {
    const shown = presentDrug({ ...orap, tradeName: "بنادول إكسترا 500 ملغ", dosageUnit: "قرص", frequency: "ثلاث مرات يومياً" });
    expect(shown.title).toBe("بنادول إكسترا 500 ملغ");
    expect(shown.dose.slice(0, 3)).toEqual([{ value: "2 قرص" }, { value: "oral" }, { value: "ثلاث مرات يومياً" }]);
  });
});

describe("presentDrugField and drugName", () => {
  it("word one field as the lines do, for the version diff", () => {
    expect(presentDrugField("duration", "5")).toBe("for 5 days");
    expect(presentDrugField("packageSize", "20")).toBe("20 per pack");
    expect(presentDrugField("dosage", " 2 ")).toBe("2");
    expect(presentDrugField("frequency", "  ")).toBeNull();
  });

  it("name a drug by its trade name, else its generic name", () => {
    expect(drugName(orap)).toBe("ORAP FORTE TAB 4 MG");
    expect(drugName({ tradeName: " ", name: "PIMOZIDE" })).toBe("PIMOZIDE");
    expect(drugName({ tradeName: null, name: null })).toBe("Unnamed drug");
  });
});
