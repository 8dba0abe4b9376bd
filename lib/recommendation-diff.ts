// What changed between two versions of a doctor's recommendation, part by part, for the viewer's
// version switch. Items are matched by what identifies them to a reader (an ICD-10 code, a drug's
// trade or generic name, a lab's code or name, a note's question), not by position.
import { textOrNone } from "./present/blank";
import { drugName, presentDrugField } from "./present/drug";
import { drugFieldLabels } from "./schemas/drug";
import type { RecommendationDto } from "./schemas/consultation";

export type ChangeKind = "added" | "removed" | "changed";

export type RecommendationChange = {
  part: "Symptom" | "Diagnosis" | "Drug" | "Lab" | "Lab panel" | "Referral" | "Follow-up" | "Note" | "Dispense";
  kind: ChangeKind;
  /** The item, as a reader names it. */
  item: string;
  /** For changed items: "Dose: 2 capsule → 3 capsule". */
  details: string[];
};

const same = (a: string | null | undefined, b: string | null | undefined) => textOrNone(a) === textOrNone(b);
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

/** "Label: before → after" for each labelled field that differs, each value worded by `word`. */
const fieldChanges = <K extends string>(
  a: Record<K, string | null>,
  b: Record<K, string | null>,
  labels: Partial<Record<K, string>>,
  word: (field: K, value: string | null) => string | null = (_, value) => value,
) =>
  (Object.keys(labels) as K[])
    .map((field) => [field, textOrNone(word(field, a[field])), textOrNone(word(field, b[field]))] as const)
    .filter(([, before, after]) => before !== after)
    .map(([field, before, after]) => `${labels[field]}: ${before} → ${after}`);

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
      fieldChanges(a, b, drugFieldLabels, presentDrugField),
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
      item: textOrNone(after.referral?.name ?? before.referral?.name),
      details: kind === "changed" ? [`${textOrNone(before.referral?.name)} → ${textOrNone(after.referral?.name)}`] : [],
    });
  }
  const dispense = fieldChanges(before.dispense ?? { url: null, passCode: null, qrUrl: null }, after.dispense ?? { url: null, passCode: null, qrUrl: null }, {
    passCode: "Pass code",
    url: "Link",
  });
  if (dispense.length > 0) changes.push({ part: "Dispense", kind: "changed", item: "Dispense", details: dispense });
  return changes;
}
