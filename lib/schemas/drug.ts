// The fields of one prescribed drug (an item of Altibbi's `data.drug.fdaDrug`), written once.
// The webhook schema, the stored rows and their SQL columns, the DTO, the version diff and the
// drug presenter all derive from this list; the Prisma model is the one other spelling, and
// tests/unit/drug-fields.test.ts fails when the two differ. Adding an Altibbi drug field is one
// line here, the column in prisma/models.prisma, and its migration.

/** Each field and what a reader calls it (the version diff, and the presenter's labelled details). */
export const drugFieldLabels = {
  name: "Generic name",
  tradeName: "Trade name",
  strengthValue: "Strength",
  packageType: "Package type",
  packageSize: "Package size",
  dosage: "Dose",
  dosageUnit: "Dose unit",
  routeOfAdministration: "Route",
  dosageForm: "Form",
  frequency: "Frequency",
  duration: "Duration",
  specialInstructions: "Special instructions",
  relationWithFood: "Relation with food",
  howToUse: "How to use",
  registrationNumber: "Registration no.",
} as const;

export type DrugField = keyof typeof drugFieldLabels;

/** The field names, in Altibbi's order (the order of the SQL columns and of the diff). */
export const drugFields = Object.keys(drugFieldLabels) as DrugField[];

/** A drug as Care Desk stores it: every value the text Altibbi sent, or null. */
export type DrugFields = Record<DrugField, string | null>;
