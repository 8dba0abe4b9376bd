// How one prescribed drug reads on paper. Every value is Altibbi's text, shown as sent; blank
// values are left out rather than printed as "null" or an empty label. Parts are kept apart
// (not joined into one string) so that each payload value can be isolated for bidirectional
// text: an Arabic value must not reorder the English labels and numbers around it.
import type { DrugDto } from "@/lib/schemas/consultation";

/** One piece of a line: an optional label written by Care Desk, and a value from the payload. */
export type LinePart = { label?: string; value: string };

export type DrugLines = {
  /** The trade name, or the generic name when there is no trade name. */
  title: string | null;
  /** The generic name, when a different trade name is the title. */
  generic: string | null;
  /** Strength and dosage form. */
  strength: LinePart[];
  /** Dose and unit, route, frequency, duration, relation with food. */
  dose: LinePart[];
  /** Special instructions and how to use. */
  instructions: LinePart[];
  /** Package type and size. */
  package: LinePart[];
};

/** The text, trimmed, or null when it is missing or blank. */
export function presentText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const parts = (...candidates: [label: string | undefined, value: string | null | undefined][]): LinePart[] =>
  candidates.flatMap(([label, raw]) => {
    const value = presentText(raw);
    if (value === null) return [];
    return [label === undefined ? { value } : { label, value }];
  });

export function describeDrug(drug: DrugDto): DrugLines {
  const tradeName = presentText(drug.tradeName);
  const name = presentText(drug.name);
  const amount = [presentText(drug.dosage), presentText(drug.dosageUnit)].filter((value) => value !== null).join(" ");
  return {
    title: tradeName ?? name,
    generic: tradeName !== null && name !== null && name.toLowerCase() !== tradeName.toLowerCase() ? name : null,
    strength: parts(["strength", drug.strengthValue], [undefined, drug.dosageForm]),
    dose: parts(
      [undefined, amount],
      [undefined, drug.routeOfAdministration],
      [undefined, drug.frequency],
      ["duration", drug.duration],
      [undefined, drug.relationWithFood],
    ),
    instructions: parts(["Instructions:", drug.specialInstructions], ["How to use:", drug.howToUse]),
    package: parts([undefined, drug.packageType], ["size", drug.packageSize]),
  };
}

export const partSeparator = " · ";

/** A line as plain text (what a reader of the printed line sees, in logical order). */
export function lineText(line: LinePart[]): string {
  return line.map((part) => (part.label ? `${part.label} ${part.value}` : part.value)).join(partSeparator);
}
