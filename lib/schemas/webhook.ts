// The Altibbi webhook body: a discriminated union on `type`. Altibbi publishes two samples and
// no schema, so the rules below are those a careful receiver needs: containers must have their
// documented shape, leaves may be string, number or null, and unknown keys are accepted (and
// kept in the stored raw body).
import { z } from "zod";
import { parseEventTime } from "../time/event-time";
import { statusPattern } from "../statuses";
import { drugFields } from "./drug";
import { answerFields, followUpFields, icd10Fields, labFields } from "./recommendation-fields";

// Text values have no length limit of their own: any length within the 1 MiB body cap is a
// genuine note or instruction, stored whole (a 4xx would make the sender give up on it).
const leaf = z.union([z.string(), z.number(), z.null()]).optional();

/**
 * The one exception: the names and codes the search looks up by prefix (a drug's name and trade
 * name, an ICD-10 code and name) are indexed, and a PostgreSQL B-tree entry holds at most about
 * 2,700 bytes. 500 characters (2,000 bytes at most) is far beyond any real name or code.
 */
export const maxIndexedText = 500;
const indexedLeaf = z
  .union([z.string().max(maxIndexedText, { error: `must be at most ${maxIndexedText} characters (it is a name or code)` }), z.number(), z.null()])
  .optional();
const identifier = z.union([z.string().max(256), z.number()]).nullable().optional();

const indexedFields = new Set(["code", "name", "tradeName"]);

/** An object whose known keys are leaves; other keys are allowed and kept. `indexed`: its names and codes are capped. */
const leafObject = <K extends string>(keys: readonly K[], indexed = false) =>
  z.looseObject(Object.fromEntries(keys.map((key) => [key, indexed && indexedFields.has(key) ? indexedLeaf : leaf])) as Record<K, typeof leaf>);

const list = <T extends z.ZodType>(item: T) => z.array(item).max(1000).nullable().optional();

export const icd10EntrySchema = leafObject(icd10Fields, true);
export const drugSchema = leafObject(drugFields, true);
export const labSchema = leafObject(labFields);
export const followUpSchema = leafObject(followUpFields);
export const postCallAnswerSchema = leafObject(answerFields);

export const recommendationDataSchema = z.looseObject({
  icd10: z.looseObject({ symptom: list(icd10EntrySchema), diagnosis: list(icd10EntrySchema) }).nullable().optional(),
  drug: z.looseObject({ fdaDrug: list(drugSchema) }).nullable().optional(),
  lab: z.looseObject({ lab: list(labSchema), panel: list(labSchema) }).nullable().optional(),
  doctorReferral: leafObject(["name"]).nullable().optional(),
  followUp: list(followUpSchema),
  postCallAnswer: list(postCallAnswerSchema),
  dispense: leafObject(["url", "pass_code", "qr_code"]).nullable().optional(),
});

const consultationId = z
  .number({ error: "must be a JSON integer" })
  .int({ error: "must be an integer" })
  .min(1, { error: "must be at least 1" })
  .max(Number.MAX_SAFE_INTEGER, { error: "must be at most 2^53-1" });

const datetime = z.string({ error: "must be an RFC 3339 string" }).refine((value) => parseEventTime(value) !== null, {
  error: "must be RFC 3339 with a zone (Z or ±hh:mm) and 0-6 fraction digits, e.g. 2023-06-15T09:38:50.848860Z",
});

const status = z.string().regex(statusPattern, { error: "must match ^[a-z][a-z0-9_]{0,63}$" });

const common = {
  consultation_id: consultationId,
  datetime,
  user_id: z
    .union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)], {
      error: "must be an integer or a string of digits",
    })
    .optional(),
  insurance_id: identifier,
  policy_number: identifier,
};

export const statusUpdateSchema = z.looseObject({
  type: z.literal("status_update"),
  ...common,
  old_status: status.nullable().optional(),
  new_status: status,
});

export const recommendationWebhookSchema = z.looseObject({
  type: z.literal("recommendation_data"),
  ...common,
  data: recommendationDataSchema,
});

export const webhookSchema = z.discriminatedUnion("type", [statusUpdateSchema, recommendationWebhookSchema], {
  error: "must be status_update or recommendation_data",
});

export type WebhookPayload = z.infer<typeof webhookSchema>;
export type StatusUpdatePayload = z.infer<typeof statusUpdateSchema>;
export type RecommendationPayload = z.infer<typeof recommendationWebhookSchema>;
export type RecommendationData = z.infer<typeof recommendationDataSchema>;
