// Turns a validated webhook payload into the rows Care Desk stores: the normalised event.
import { createHash } from "node:crypto";
import type { RecommendationData, RecommendationPayload, StatusUpdatePayload, WebhookPayload } from "../schemas/webhook";
import { parseEventTime } from "./event-time";
import { statusRank } from "../statuses";

type Leaf = string | number | null | undefined;

/** Altibbi sends some values as text and some as numbers; Care Desk keeps them all as text. */
const text = (value: Leaf): string | null => (value === null || value === undefined ? null : String(value));

export type EventBase = {
  consultationId: bigint;
  userId: string | null;
  insuranceId: string | null;
  policyNumber: string | null;
  eventTime: string;
  eventUs: bigint;
};

export type StatusEvent = EventBase & {
  kind: "status";
  oldStatus: string | null;
  newStatus: string;
  statusRank: number;
  /** consultation + old status + new status + event time: the identity of a status event. */
  eventKey: string;
};

export type DrugRow = {
  name: string | null;
  tradeName: string | null;
  strengthValue: string | null;
  packageType: string | null;
  packageSize: string | null;
  dosage: string | null;
  dosageUnit: string | null;
  routeOfAdministration: string | null;
  dosageForm: string | null;
  frequency: string | null;
  duration: string | null;
  specialInstructions: string | null;
  relationWithFood: string | null;
  howToUse: string | null;
};

export type RecommendationEvent = EventBase & {
  kind: "recommendation";
  /** SHA-256 of the payload re-serialised: the same recommendation delivered twice is one version. */
  contentSha: string;
  rawJson: string;
  referralName: string | null;
  dispenseUrl: string | null;
  dispensePassCode: string | null;
  dispenseQrUrl: string | null;
  icd10: { kind: "symptom" | "diagnosis"; code: string | null; name: string | null }[];
  drugs: DrugRow[];
  labs: { kind: "lab" | "panel"; name: string | null; code: string | null }[];
  followUps: { name: string | null }[];
  answers: { question: string | null; answer: string | null }[];
};

export type IngestEvent = StatusEvent | RecommendationEvent;

function base(payload: WebhookPayload): EventBase {
  const eventUs = parseEventTime(payload.datetime);
  if (eventUs === null) throw new Error("datetime was validated but does not parse");
  return {
    consultationId: BigInt(payload.consultation_id),
    userId: text(payload.user_id),
    insuranceId: text(payload.insurance_id),
    policyNumber: text(payload.policy_number),
    eventTime: payload.datetime,
    eventUs,
  };
}

function projectStatus(payload: StatusUpdatePayload): StatusEvent {
  const event = base(payload);
  const oldStatus = payload.old_status ?? null;
  return {
    ...event,
    kind: "status",
    oldStatus,
    newStatus: payload.new_status,
    statusRank: statusRank(payload.new_status),
    eventKey: `${event.consultationId}|${oldStatus ?? ""}|${payload.new_status}|${event.eventUs}`,
  };
}

function projectDrugs(data: RecommendationData): DrugRow[] {
  return (data.drug?.fdaDrug ?? []).map((drug) => ({
    name: text(drug.name),
    tradeName: text(drug.tradeName),
    strengthValue: text(drug.strengthValue),
    packageType: text(drug.packageType),
    packageSize: text(drug.packageSize),
    dosage: text(drug.dosage),
    dosageUnit: text(drug.dosageUnit),
    routeOfAdministration: text(drug.routeOfAdministration),
    dosageForm: text(drug.dosageForm),
    frequency: text(drug.frequency),
    duration: text(drug.duration),
    specialInstructions: text(drug.specialInstructions),
    relationWithFood: text(drug.relationWithFood),
    howToUse: text(drug.howToUse),
  }));
}

function projectRecommendation(payload: RecommendationPayload, rawBody: string): RecommendationEvent {
  const data = payload.data;
  const icd = (kind: "symptom" | "diagnosis") =>
    (data.icd10?.[kind] ?? []).map((entry) => ({ kind, code: text(entry.code), name: text(entry.name) }));
  const labs = (kind: "lab" | "panel") =>
    (data.lab?.[kind] ?? []).map((entry) => ({ kind, name: text(entry.name), code: text(entry.code) }));
  return {
    ...base(payload),
    kind: "recommendation",
    contentSha: createHash("sha256").update(JSON.stringify(payload)).digest("hex"),
    rawJson: rawBody,
    referralName: text(data.doctorReferral?.name),
    dispenseUrl: text(data.dispense?.url),
    dispensePassCode: text(data.dispense?.pass_code),
    dispenseQrUrl: text(data.dispense?.qr_code),
    icd10: [...icd("symptom"), ...icd("diagnosis")],
    drugs: projectDrugs(data),
    labs: [...labs("lab"), ...labs("panel")],
    followUps: (data.followUp ?? []).map((entry) => ({ name: text(entry.name) })),
    answers: (data.postCallAnswer ?? []).map((entry) => ({ question: text(entry.question), answer: text(entry.answer) })),
  };
}

export function projectEvent(payload: WebhookPayload, rawBody: string): IngestEvent {
  return payload.type === "status_update" ? projectStatus(payload) : projectRecommendation(payload, rawBody);
}
