// Turns a validated webhook payload into the rows Care Desk stores (toIngestRows): the normalised
// event that lib/webhooks/store writes.
import { createHash } from "node:crypto";
import { drugFields, type DrugFields } from "../schemas/drug";
import {
  answerFields, followUpFields, icd10Fields, labFields, type AnswerFields, type FollowUpFields, type Icd10Fields, type LabFields,
} from "../schemas/recommendation-fields";
import { mapFields } from "../schemas/text-fields";
import type { RecommendationPayload, StatusUpdatePayload, WebhookPayload } from "../schemas/webhook";
import { parseEventTime } from "../time/event-time";
import { statusRank } from "../statuses";
import { toStorableText } from "./storable-text";

type Leaf = string | number | null | undefined;

/**
 * Altibbi sends some values as text and some as numbers; Care Desk keeps them all as text, with
 * NUL and lone surrogates replaced (the NUL rule, ./storable-text.ts).
 */
const text = (value: Leaf): string | null => (value === null || value === undefined ? null : toStorableText(String(value)));

export type EventBase = {
  consultationId: bigint;
  userId: string | null;
  insuranceId: string | null;
  policyNumber: string | null;
  eventTime: string;
  eventMicros: bigint;
};

export type StatusEvent = EventBase & {
  kind: "status";
  oldStatus: string | null;
  newStatus: string;
  statusRank: number;
  /** consultation + old status + new status + event time: the identity of a status event. */
  eventKey: string;
};

export type RecommendationEvent = EventBase & {
  kind: "recommendation";
  /**
   * SHA-256 of the validated payload re-serialised (JSON.stringify), not of the body as received:
   * the same recommendation delivered twice is one version.
   */
  contentSha: string;
  referralName: string | null;
  dispenseUrl: string | null;
  dispensePassCode: string | null;
  dispenseQrUrl: string | null;
  icd10: ({ kind: "symptom" | "diagnosis" } & Icd10Fields)[];
  drugs: DrugFields[];
  labs: ({ kind: "lab" | "panel" } & LabFields)[];
  followUps: FollowUpFields[];
  answers: AnswerFields[];
};

export type IngestEvent = StatusEvent | RecommendationEvent;

function base(payload: WebhookPayload): EventBase {
  const eventMicros = parseEventTime(payload.datetime);
  if (eventMicros === null) throw new Error("datetime was validated but does not parse");
  return {
    consultationId: BigInt(payload.consultation_id),
    userId: text(payload.user_id),
    insuranceId: text(payload.insurance_id),
    policyNumber: text(payload.policy_number),
    eventTime: payload.datetime,
    eventMicros,
  };
}

function toStatusEvent(payload: StatusUpdatePayload): StatusEvent {
  const event = base(payload);
  const oldStatus = payload.old_status ?? null;
  return {
    ...event,
    kind: "status",
    oldStatus,
    newStatus: payload.new_status,
    statusRank: statusRank(payload.new_status),
    eventKey: `${event.consultationId}|${oldStatus ?? ""}|${payload.new_status}|${event.eventMicros}`,
  };
}

/** The text of each listed field of an item (numbers as text, missing as null). */
const texts = <K extends string>(item: Partial<Record<K, Leaf>>, fields: readonly K[]) => mapFields(fields, (field) => text(item[field]));

function toRecommendationEvent(payload: RecommendationPayload): RecommendationEvent {
  const data = payload.data;
  const icd = (kind: "symptom" | "diagnosis") =>
    (data.icd10?.[kind] ?? []).map((entry) => ({ kind, ...texts(entry, icd10Fields) }));
  const labs = (kind: "lab" | "panel") =>
    (data.lab?.[kind] ?? []).map((entry) => ({ kind, ...texts(entry, labFields) }));
  return {
    ...base(payload),
    kind: "recommendation",
    contentSha: createHash("sha256").update(JSON.stringify(payload)).digest("hex"),
    referralName: text(data.doctorReferral?.name),
    dispenseUrl: text(data.dispense?.url),
    dispensePassCode: text(data.dispense?.pass_code),
    dispenseQrUrl: text(data.dispense?.qr_code),
    icd10: [...icd("symptom"), ...icd("diagnosis")],
    drugs: (data.drug?.fdaDrug ?? []).map((drug) => texts(drug, drugFields)),
    labs: [...labs("lab"), ...labs("panel")],
    followUps: (data.followUp ?? []).map((entry) => texts(entry, followUpFields)),
    answers: (data.postCallAnswer ?? []).map((entry) => texts(entry, answerFields)),
  };
}

export function toIngestRows(payload: WebhookPayload): IngestEvent {
  return payload.type === "status_update" ? toStatusEvent(payload) : toRecommendationEvent(payload);
}
