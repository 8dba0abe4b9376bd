import { describe, expect, it } from "vitest";
import type { RecommendationDto } from "./schemas/consultation";
import { drugDto } from "@/tests/support/drugs";
import { diffRecommendations } from "./recommendation-diff";

const version = (parts: Partial<RecommendationDto>): RecommendationDto => ({
  id: 1,
  version: 1,
  current: false,
  eventTime: { sent: "2023-06-15T09:46:01.764869Z", utc: "2023-06-15T09:46:01.764Z" },
  receivedAt: "2023-06-15T09:46:02.000Z",
  icd10: [],
  drugs: [],
  labs: [],
  referral: null,
  followUps: [],
  answers: [],
  dispense: null,
  ...parts,
});

describe("diffRecommendations", () => {
  it("finds nothing between equal versions", () => {
    const v = version({ drugs: [drugDto({ name: "PIMOZIDE", dosage: "2" })], icd10: [{ kind: "diagnosis", code: "B66.3", name: "Fascioliasis" }] });
    expect(diffRecommendations(v, { ...v, id: 2 })).toEqual([]);
  });

  it("reports added, removed and changed items of every part", () => {
    const before = version({
      icd10: [
        { kind: "symptom", code: "L81.2", name: "Freckles" },
        { kind: "diagnosis", code: "B66.3", name: "Fascioliasis" },
      ],
      drugs: [drugDto({ name: "PIMOZIDE", tradeName: "ORAP FORTE TAB 4 MG", dosage: "2", frequency: "Four times daily" }), drugDto({ name: "KETOPROFEN" })],
      labs: [{ kind: "lab", name: "FIT Test", code: null }],
      referral: { name: "Gastroenterologist" },
      followUps: [{ name: "Do Lab Test" }],
      answers: [{ question: "doctor_notes", answer: "old note" }],
      dispense: { url: "https://a.example/1", passCode: "1111", qrUrl: null },
    });
    const after = version({
      icd10: [
        { kind: "symptom", code: "L81.2", name: "Freckles" },
        { kind: "diagnosis", code: "K29.7", name: "Gastritis" },
      ],
      drugs: [drugDto({ name: "PIMOZIDE", tradeName: "orap forte tab 4 mg", dosage: "3", frequency: "Four times daily" }), drugDto({ name: "OMEPRAZOLE" })],
      labs: [],
      referral: null,
      followUps: [{ name: "Do Lab Test" }, { name: "Call in a week" }],
      answers: [{ question: "doctor_notes", answer: "new note" }],
      dispense: { url: "https://a.example/1", passCode: "2222", qrUrl: null },
    });
    expect(diffRecommendations(before, after)).toEqual([
      { part: "Diagnosis", kind: "added", item: "K29.7 Gastritis", details: [] },
      { part: "Diagnosis", kind: "removed", item: "B66.3 Fascioliasis", details: [] },
      {
        part: "Drug",
        kind: "changed",
        item: "orap forte tab 4 mg",
        details: [
          { field: "tradeName", before: { value: "ORAP FORTE TAB 4 MG" }, after: { value: "orap forte tab 4 mg" } },
          { field: "dosage", before: { value: "2" }, after: { value: "3" } },
        ],
      },
      { part: "Drug", kind: "added", item: "OMEPRAZOLE", details: [] },
      { part: "Drug", kind: "removed", item: "KETOPROFEN", details: [] },
      { part: "Lab", kind: "removed", item: "FIT Test", details: [] },
      { part: "Follow-up", kind: "added", item: "Call in a week", details: [] },
      { part: "Note", kind: "changed", item: "doctor_notes", details: [{ field: "text" }] },
      { part: "Referral", kind: "removed", item: "Gastroenterologist", details: [] },
      { part: "Dispense", kind: "changed", item: null, details: [{ field: "passCode", before: { value: "1111" }, after: { value: "2222" } }] },
    ]);
  });

  it("words drug values as the viewer and the paper do", () => {
    const before = version({ drugs: [drugDto({ name: "X", duration: "5", packageSize: "20" })] });
    const after = version({ drugs: [drugDto({ name: "X", duration: "1", packageSize: "30", registrationNumber: "6-1234-19" })] });
    expect(diffRecommendations(before, after)).toEqual([
      {
        part: "Drug",
        kind: "changed",
        item: "X",
        details: [
          { field: "packageSize", before: { value: "20", unit: "per pack", unitKey: "perPack" }, after: { value: "30", unit: "per pack", unitKey: "perPack" } },
          { field: "duration", before: { label: "for", labelKey: "for", value: "5", unit: "days", unitKey: "days" }, after: { label: "for", labelKey: "for", value: "1", unit: "day", unitKey: "days" } },
          { field: "registrationNumber", before: null, after: { value: "6-1234-19" } },
        ],
      },
    ]);
  });

  it("names a changed referral and an unnamed item as null (the page words both)", () => {
    const before = version({ referral: { name: "Gastroenterologist" }, labs: [{ kind: "lab", name: null, code: null }] });
    const after = version({ referral: { name: "Cardiologist" }, labs: [] });
    expect(diffRecommendations(before, after)).toEqual([
      { part: "Lab", kind: "removed", item: null, details: [] },
      { part: "Referral", kind: "changed", item: "Cardiologist", details: [{ field: "referral", before: { value: "Gastroenterologist" }, after: { value: "Cardiologist" } }] },
    ]);
  });

  it("treats a missing value and an empty one alike", () => {
    const before = version({ drugs: [drugDto({ name: "X", relationWithFood: "" })] });
    const after = version({ drugs: [drugDto({ name: "X", relationWithFood: null })] });
    expect(diffRecommendations(before, after)).toEqual([]);
  });
});
