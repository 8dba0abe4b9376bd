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
      { part: "Drug", kind: "changed", item: "orap forte tab 4 mg", details: ["Trade name: ORAP FORTE TAB 4 MG → orap forte tab 4 mg", "Dose: 2 → 3"] },
      { part: "Drug", kind: "added", item: "OMEPRAZOLE", details: [] },
      { part: "Drug", kind: "removed", item: "KETOPROFEN", details: [] },
      { part: "Lab", kind: "removed", item: "FIT Test", details: [] },
      { part: "Follow-up", kind: "added", item: "Call in a week", details: [] },
      { part: "Note", kind: "changed", item: "doctor_notes", details: ["Text changed"] },
      { part: "Referral", kind: "removed", item: "Gastroenterologist", details: [] },
      { part: "Dispense", kind: "changed", item: "Dispense", details: ["Pass code: 1111 → 2222"] },
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
        details: ["Package size: 20 per pack → 30 per pack", "Duration: for 5 days → for 1 day", "Registration no.: none → 6-1234-19"],
      },
    ]);
  });

  it("treats a missing value and an empty one alike", () => {
    const before = version({ drugs: [drugDto({ name: "X", relationWithFood: "" })] });
    const after = version({ drugs: [drugDto({ name: "X", relationWithFood: null })] });
    expect(diffRecommendations(before, after)).toEqual([]);
  });
});
