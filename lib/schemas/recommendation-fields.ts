// The text fields of a recommendation's other child items (drugs are in ./drug.ts), written once:
// the webhook schema, the stored rows, their SQL columns and the DTO derive from these lists.
// (`kind`, symptom or diagnosis, lab or panel, is Care Desk's, from where the item came.)

export const icd10Fields = ["code", "name"] as const;
export const labFields = ["name", "code"] as const;
export const followUpFields = ["name"] as const;
export const answerFields = ["question", "answer"] as const;

export type Icd10Fields = Record<(typeof icd10Fields)[number], string | null>;
export type LabFields = Record<(typeof labFields)[number], string | null>;
export type FollowUpFields = Record<(typeof followUpFields)[number], string | null>;
export type AnswerFields = Record<(typeof answerFields)[number], string | null>;
