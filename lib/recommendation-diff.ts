// What changed between two versions of a doctor's recommendation, part by part, for the viewer's
// version switch. Items are matched by what identifies them to a reader (an ICD-10 code, a drug's
// trade or generic name, a lab's code or name, a note's question), not by position.
import { presentText, textOrNone } from "./present/blank";
import { drugFieldPart, partText, type LinePart } from "./present/drug";
import { drugFields, type DrugField } from "./schemas/drug";
import type { RecommendationDto } from "./schemas/consultation";

export type ChangeKind = "added" | "removed" | "changed";

export type RecommendationChange = {
  part: "Symptom" | "Diagnosis" | "Drug" | "Lab" | "Lab panel" | "Referral" | "Follow-up" | "Note" | "Dispense";
  kind: ChangeKind;
  /** The item, as a reader names it (as sent); null: it has no name (the page says so), or it is the part itself (Dispense). */
  item: string | null;
  /** For changed items, what changed: "Dose: 2 → 3" (worded by the page, in its language). */
  details: ChangeDetail[];
};

/** A field of an item and its value before and after (null: none), or a note whose text changed. */
export type ChangeDetail = { field: DetailField; before: LinePart | null; after: LinePart | null } | { field: "text" };
export type DetailField = DrugField | "name" | "code" | "passCode" | "url" | "referral";

const same = (a: string | null | undefined, b: string | null | undefined) => textOrNone(a) === textOrNone(b);
const norm = (value: string | null | undefined) => (value ?? "").trim().toLowerCase();

/** Pairs the items of two lists by key (keeping each key's first item) and reports differences. */
function diffBy<T>(
  part: RecommendationChange["part"],
  before: T[],
  after: T[],
  key: (item: T) => string,
  name: (item: T) => string | null,
  details: (a: T, b: T) => ChangeDetail[],
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

const valuePart = (value: string | null | undefined): LinePart | null => {
  const text = presentText(value);
  return text === null ? null : { value: text };
};
const partOrNone = (part: LinePart | null) => (part === null ? null : partText(part));

/** Each of `fields` whose value differs, each value worded by `present`. */
const fieldChanges = <K extends DetailField>(
  a: Partial<Record<K, string | null>>,
  b: Partial<Record<K, string | null>>,
  fields: readonly K[],
  present: (field: K, value: string | null | undefined) => LinePart | null = (_, value) => valuePart(value),
): ChangeDetail[] =>
  fields
    .map((field) => ({ field, before: present(field, a[field]), after: present(field, b[field]) }))
    .filter(({ before, after }) => partOrNone(before) !== partOrNone(after));

export function diffRecommendations(before: RecommendationDto, after: RecommendationDto): RecommendationChange[] {
  const icd = (kind: "symptom" | "diagnosis") =>
    diffBy(
      kind === "symptom" ? "Symptom" : "Diagnosis",
      before.icd10.filter((entry) => entry.kind === kind),
      after.icd10.filter((entry) => entry.kind === kind),
      (entry) => norm(entry.code) || `name:${norm(entry.name)}`,
      (entry) => [entry.code, entry.name].filter(Boolean).join(" ") || null,
      (a, b) => fieldChanges(a, b, ["name"]),
    );
  const labs = (kind: "lab" | "panel") =>
    diffBy(
      kind === "lab" ? "Lab" : "Lab panel",
      before.labs.filter((lab) => lab.kind === kind),
      after.labs.filter((lab) => lab.kind === kind),
      (lab) => norm(lab.code) || `name:${norm(lab.name)}`,
      (lab) => lab.name || lab.code || null,
      (a, b) => fieldChanges(a, b, ["name", "code"]),
    );
  const changes: RecommendationChange[] = [
    ...icd("symptom"),
    ...icd("diagnosis"),
    ...diffBy("Drug", before.drugs, after.drugs, (drug) => norm(drug.tradeName) || `generic:${norm(drug.name)}`, (drug) => presentText(drug.tradeName) ?? presentText(drug.name), (a, b) =>
      fieldChanges(a, b, drugFields, drugFieldPart),
    ),
    ...labs("lab"),
    ...labs("panel"),
    ...diffBy("Follow-up", before.followUps, after.followUps, (entry) => norm(entry.name), (entry) => entry.name || null, () => []),
    ...diffBy(
      "Note",
      before.answers,
      after.answers,
      (entry) => entry.question ?? "",
      (entry) => entry.question || null,
      (a, b) => (same(a.answer, b.answer) ? [] : [{ field: "text" }]),
    ),
  ];
  if (!same(before.referral?.name, after.referral?.name)) {
    const kind: ChangeKind = !before.referral?.name ? "added" : !after.referral?.name ? "removed" : "changed";
    changes.push({
      part: "Referral",
      kind,
      item: presentText(after.referral?.name) ?? presentText(before.referral?.name),
      details: kind === "changed" ? fieldChanges({ referral: before.referral?.name ?? null }, { referral: after.referral?.name ?? null }, ["referral"]) : [],
    });
  }
  const dispense = fieldChanges(before.dispense ?? {}, after.dispense ?? {}, ["passCode", "url"]);
  if (dispense.length > 0) changes.push({ part: "Dispense", kind: "changed", item: null, details: dispense });
  return changes;
}
