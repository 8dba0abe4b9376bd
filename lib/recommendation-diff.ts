// What changed between two versions of a doctor's recommendation, part by part, for the viewer's
// version switch. Items are matched by what identifies them to a reader (an ICD-10 code, a drug's
// trade or generic name, a lab's code or name, a note's question), not by position.
import type { DrugDto, RecommendationDto } from "./schemas/consultation";

export type ChangeKind = "added" | "removed" | "changed";

export type RecommendationChange = {
  part: "Symptom" | "Diagnosis" | "Drug" | "Lab" | "Lab panel" | "Referral" | "Follow-up" | "Note" | "Dispense";
  kind: ChangeKind;
  /** The item, as a reader names it. */
  item: string;
  /** For changed items: "Dose: 2 capsule → 3 capsule". */
  details: string[];
};

export const drugFieldLabels: Record<Exclude<keyof DrugDto, "position">, string> = {
  tradeName: "Trade name",
  name: "Generic name",
  strengthValue: "Strength",
  dosageForm: "Form",
  dosage: "Dose",
  dosageUnit: "Dose unit",
  routeOfAdministration: "Route",
  frequency: "Frequency",
  duration: "Duration (days)",
  relationWithFood: "Relation with food",
  specialInstructions: "Special instructions",
  howToUse: "How to use",
  packageType: "Package type",
  packageSize: "Package size",
};

const show = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? "none" : value);
const same = (a: string | null | undefined, b: string | null | undefined) => show(a) === show(b);
const norm = (value: string | null | undefined) => (value ?? "").trim().toLowerCase();

/** Pairs the items of two lists by key (keeping each key's first item) and reports differences. */
function diffBy<T>(
  part: RecommendationChange["part"],
  before: T[],
  after: T[],
  key: (item: T) => string,
  name: (item: T) => string,
  details: (a: T, b: T) => string[],
): RecommendationChange[] {
  const index = (items: T[]) => {
    const map = new Map<string, T>();
    for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
    return map;
  };
  const old = index(before);
  const now = index(after);
  const changes: RecommendationChange[] = [];
  for (const [k, item] of now) {
    const previous = old.get(k);
    if (!previous) changes.push({ part, kind: "added", item: name(item), details: [] });
    else {
      const differences = details(previous, item);
      if (differences.length > 0) changes.push({ part, kind: "changed", item: name(item), details: differences });
    }
  }
  for (const [k, item] of old) if (!now.has(k)) changes.push({ part, kind: "removed", item: name(item), details: [] });
  return changes;
}

const fieldChanges = <T extends Record<string, unknown>>(a: T, b: T, labels: Partial<Record<keyof T, string>>) =>
  (Object.keys(labels) as (keyof T)[])
    .filter((field) => !same(a[field] as string | null, b[field] as string | null))
    .map((field) => `${labels[field]}: ${show(a[field] as string | null)} → ${show(b[field] as string | null)}`);

export const drugName = (drug: DrugDto) => drug.tradeName || drug.name || "Unnamed drug";

export function diffRecommendations(before: RecommendationDto, after: RecommendationDto): RecommendationChange[] {
  const icd = (kind: "symptom" | "diagnosis") =>
    diffBy(
      kind === "symptom" ? "Symptom" : "Diagnosis",
      before.icd10.filter((entry) => entry.kind === kind),
      after.icd10.filter((entry) => entry.kind === kind),
      (entry) => norm(entry.code) || `name:${norm(entry.name)}`,
      (entry) => [entry.code, entry.name].filter(Boolean).join(" ") || "Unnamed",
      (a, b) => fieldChanges(a, b, { name: "Name" }),
    );
  const labs = (kind: "lab" | "panel") =>
    diffBy(
      kind === "lab" ? "Lab" : "Lab panel",
      before.labs.filter((lab) => lab.kind === kind),
      after.labs.filter((lab) => lab.kind === kind),
      (lab) => norm(lab.code) || `name:${norm(lab.name)}`,
      (lab) => lab.name || lab.code || "Unnamed",
      (a, b) => fieldChanges(a, b, { name: "Name", code: "Code" }),
    );
  const changes: RecommendationChange[] = [
    ...icd("symptom"),
    ...icd("diagnosis"),
    ...diffBy("Drug", before.drugs, after.drugs, (drug) => norm(drug.tradeName) || `generic:${norm(drug.name)}`, drugName, (a, b) =>
      fieldChanges(a, b, drugFieldLabels),
    ),
    ...labs("lab"),
    ...labs("panel"),
    ...diffBy("Follow-up", before.followUps, after.followUps, (entry) => norm(entry.name), (entry) => entry.name || "Unnamed", () => []),
    ...diffBy(
      "Note",
      before.answers,
      after.answers,
      (entry) => entry.question ?? "",
      (entry) => entry.question || "Note",
      (a, b) => (same(a.answer, b.answer) ? [] : ["Text changed"]),
    ),
  ];
  if (!same(before.referral?.name, after.referral?.name)) {
    const kind: ChangeKind = !before.referral?.name ? "added" : !after.referral?.name ? "removed" : "changed";
    changes.push({
      part: "Referral",
      kind,
      item: show(after.referral?.name ?? before.referral?.name),
      details: kind === "changed" ? [`${show(before.referral?.name)} → ${show(after.referral?.name)}`] : [],
    });
  }
  const dispense = fieldChanges(before.dispense ?? { url: null, passCode: null, qrUrl: null }, after.dispense ?? { url: null, passCode: null, qrUrl: null }, {
    passCode: "Pass code",
    url: "Link",
  });
  if (dispense.length > 0) changes.push({ part: "Dispense", kind: "changed", item: "Dispense", details: dispense });
  return changes;
}
