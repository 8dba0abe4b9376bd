// Outgoing shapes (DTOs) of consultations: what lib/data returns, the JSON API sends and client
// components receive. Plain JSON: ids as numbers (Altibbi ids are < 2^53), times as ISO text.
import { z } from "zod";
import { drugFields } from "./drug";
import { answerFields, followUpFields, icd10Fields, labFields } from "./recommendation-fields";
import { mapFields } from "./text-fields";

const texts = <K extends string>(fields: readonly K[]) => mapFields(fields, () => z.string().nullable());

export const drugDto = z.object({ position: z.number().int(), ...texts(drugFields) });

/** An event time as Altibbi sent it (`sent`, with its offset) and in UTC (`utc`, ISO, milliseconds). */
export const eventTimeDto = z.object({ sent: z.string(), utc: z.string() });

export const recommendationDto = z.object({
  id: z.number().int(),
  /** 1 for the first version received (by event time), counting up. */
  version: z.number().int(),
  current: z.boolean(),
  eventTime: eventTimeDto,
  receivedAt: z.string(),
  icd10: z.array(z.object({ kind: z.enum(["symptom", "diagnosis"]), ...texts(icd10Fields) })),
  drugs: z.array(drugDto),
  labs: z.array(z.object({ kind: z.enum(["lab", "panel"]), ...texts(labFields) })),
  referral: z.object({ name: z.string().nullable() }).nullable(),
  followUps: z.array(z.object(texts(followUpFields))),
  answers: z.array(z.object(texts(answerFields))),
  dispense: z.object({ url: z.string().nullable(), passCode: z.string().nullable(), qrUrl: z.string().nullable() }).nullable(),
});

export const statusChangeDto = z.object({
  id: z.number().int(),
  oldStatus: z.string().nullable(),
  newStatus: z.string(),
  documented: z.boolean(),
  eventTime: eventTimeDto,
  receivedAt: z.string(),
  /** Received after an event that happened later than it. */
  outOfOrder: z.boolean(),
});

export const consultationSummaryDto = z.object({
  id: z.number().int(),
  userId: z.string().nullable(),
  insuranceId: z.string().nullable(),
  policyNumber: z.string().nullable(),
  status: z.string().nullable(),
  statusDocumented: z.boolean(),
  statusSince: eventTimeDto.nullable(),
  firstSeenAt: z.string(),
  lastEventTime: eventTimeDto,
  diagnosis: z.object({ code: z.string().nullable(), name: z.string().nullable() }).nullable(),
  drugCount: z.number().int().nullable(),
  updatedAt: z.string(),
});

export const consultationDetailDto = z.object({
  consultation: consultationSummaryDto,
  timeline: z.array(statusChangeDto),
  /** Every version, newest first; the current one has `current: true`. */
  recommendations: z.array(recommendationDto),
});

export type DrugDto = z.infer<typeof drugDto>;
export type RecommendationDto = z.infer<typeof recommendationDto>;
export type StatusChangeDto = z.infer<typeof statusChangeDto>;
export type ConsultationSummaryDto = z.infer<typeof consultationSummaryDto>;
export type ConsultationDetailDto = z.infer<typeof consultationDetailDto>;

/** One page of the consultation list; `next` / `prev` are keyset cursors (`after=` / `before=`). */
export const consultationListDto = z.object({
  items: z.array(consultationSummaryDto),
  page: z.object({ limit: z.number().int(), next: z.string().nullable(), prev: z.string().nullable() }),
});

/** How many consultations are in each status; "other" is undocumented statuses and none yet. */
export const statusCountsDto = z.object({
  new: z.number().int(),
  checking_medical_profile: z.number().int(),
  in_progress: z.number().int(),
  closed: z.number().int(),
  other: z.number().int(),
  total: z.number().int(),
  /** When they were counted (they are cached for a few seconds). */
  countedAt: z.string(),
});

/**
 * Consultations changed at or after `cursor` minus the overlap window. Clients poll with
 * `since=<cursor>` and ignore the (id, updatedAt) pairs they have already seen.
 */
export const consultationChangesDto = z.object({
  cursor: z.string().nullable(),
  changes: z.array(z.object({ id: z.number().int(), updatedAt: z.string() })),
  /** More rows changed in the window than were listed. */
  truncated: z.boolean(),
});

export type ConsultationListDto = z.infer<typeof consultationListDto>;
export type StatusCountsDto = z.infer<typeof statusCountsDto>;
export type ConsultationChangesDto = z.infer<typeof consultationChangesDto>;
