// How one prescribed drug reads, on screen (components/drug-list.tsx), on paper
// (components/print/drug-table.tsx) and in the version diff: the parts a pharmacist reads, in
// the words Care Desk uses everywhere ("for 5 days", "20 per pack"). Every value is Altibbi's
// text as sent; blank values are left out (./blank.ts). Parts are kept apart (not joined into one
// string) so that each payload value can be isolated for bidirectional text: an Arabic value
// must not reorder the English words and numbers around it.
import { drugFieldLabels, drugFields, type DrugField, type DrugFields } from "../schemas/drug";
import { presentText } from "./blank";

/**
 * One piece of a line: Care Desk's words before (`label`) and after (`unit`) a payload value, in
 * English; `labelKey` and `unitKey` name the same words in the "drug" messages, for pages.
 */
export type LinePart = { label?: string; value: string; unit?: string; labelKey?: "strength" | "for"; unitKey?: "days" | "perPack" };

/** A value with what a reader calls it: "Registration no." and the number (`field`: which one, for the page's language). */
export type LabelledValue = { label: string; value: string; field?: DrugField };

export type DrugPresentation = {
  /** The trade name, else the generic name, else "Unnamed drug". */
  title: string;
  /** False when neither name came (the title is then the words "Unnamed drug"). */
  named: boolean;
  /** The generic name, when a different trade name is the title. */
  generic: string | null;
  /** Strength and dosage form: "strength 4 · tablet". */
  strength: LinePart[];
  /** Dose and unit, route, frequency, duration, relation with food: "2 capsule · oral · Four times daily · for 5 days". */
  dose: LinePart[];
  /** Package type and size: "Blister · 20 per pack". */
  package: LinePart[];
  /** Every other field, labelled, in field order (special instructions, how to use, registration number, …). */
  details: LabelledValue[];
};

export const unnamedDrug = "Unnamed drug";

/** The fields the title and the lines above are made of; any other field is a labelled detail. */
const composedFields = new Set<DrugField>([
  "name", "tradeName", "strengthValue", "dosageForm", "dosage", "dosageUnit", "routeOfAdministration", "frequency", "duration",
  "relationWithFood", "packageType", "packageSize",
]);

const wholeNumber = /^\d+$/;

/** "for 5 days", "for 1 day"; text that is not a number of days as sent: "for a week". Altibbi documents no unit. */
export function durationPart(duration: string): LinePart {
  if (!wholeNumber.test(duration)) return { label: "for", labelKey: "for", value: duration };
  return { label: "for", labelKey: "for", value: duration, unit: duration === "1" ? "day" : "days", unitKey: "days" };
}

const packageSizePart = (size: string): LinePart => ({ value: size, unit: "per pack", unitKey: "perPack" });

const part = (value: string | null, make: (value: string) => LinePart = (text) => ({ value: text })): LinePart[] =>
  value === null ? [] : [make(value)];

export const partSeparator = " · ";

/** A part as plain text: "for 5 days". */
export const partText = (line: LinePart): string => [line.label, line.value, line.unit].filter((word) => word !== undefined).join(" ");

/** A line as plain text (what a reader of the line sees, in logical order). */
export const lineText = (line: LinePart[]): string => line.map(partText).join(partSeparator);

/** One field's value as a part of a line ("for 5 days", "20 per pack"), or null when blank. */
export function drugFieldPart(field: DrugField, raw: string | null | undefined): LinePart | null {
  const value = presentText(raw);
  if (value === null) return null;
  if (field === "duration") return durationPart(value);
  if (field === "packageSize") return packageSizePart(value);
  return { value };
}

/** One field's value as the presenter words it in English ("for 5 days", "20 per pack"), or null when blank. */
export function presentDrugField(field: DrugField, raw: string | null | undefined): string | null {
  const part = drugFieldPart(field, raw);
  return part === null ? null : partText(part);
}

/** The name a reader knows the drug by: the trade name, else the generic name. */
export const drugName = (drug: Pick<DrugFields, "tradeName" | "name">): string => presentText(drug.tradeName) ?? presentText(drug.name) ?? unnamedDrug;

export function presentDrug(drug: DrugFields): DrugPresentation {
  const value = (field: DrugField) => presentText(drug[field]);
  const tradeName = value("tradeName");
  const name = value("name");
  const amount = presentText([value("dosage"), value("dosageUnit")].filter((text) => text !== null).join(" "));
  return {
    title: drugName(drug),
    named: tradeName !== null || name !== null,
    generic: tradeName !== null && name !== null && name.toLowerCase() !== tradeName.toLowerCase() ? name : null,
    strength: [...part(value("strengthValue"), (text) => ({ label: "strength", labelKey: "strength", value: text })), ...part(value("dosageForm"))],
    dose: [
      ...part(amount),
      ...part(value("routeOfAdministration")),
      ...part(value("frequency")),
      ...part(value("duration"), durationPart),
      ...part(value("relationWithFood")),
    ],
    package: [...part(value("packageType")), ...part(value("packageSize"), packageSizePart)],
    details: drugFields
      .filter((field) => !composedFields.has(field))
      .flatMap((field) => {
        const text = value(field);
        return text === null ? [] : [{ label: drugFieldLabels[field], value: text, field }];
      }),
  };
}
