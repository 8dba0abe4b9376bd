// One consultation with its status timeline and every recommendation version, as plain DTOs.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readDb } from "../db";
import { drugFields } from "../schemas/drug";
import { answerFields, followUpFields, icd10Fields, labFields } from "../schemas/recommendation-fields";
import { mapFields } from "../schemas/text-fields";
import { isDocumentedStatus, statusRank } from "../statuses";
import { microsToIso } from "../time/event-time";
import type { ConsultationDetailDto, ConsultationSummaryDto, RecommendationDto, StatusChangeDto } from "../schemas/consultation";

/** The consultation columns a summary is made of (the list reads the same columns with SQL). */
export const consultationRowSelect = {
  id: true,
  userId: true,
  insuranceId: true,
  policyNumber: true,
  status: true,
  statusTime: true,
  statusMicros: true,
  firstSeenAt: true,
  lastEventTime: true,
  lastEventMicros: true,
  recommendationId: true,
  diagnosisCode: true,
  diagnosisName: true,
  drugCount: true,
  updatedAt: true,
} satisfies Prisma.ConsultationSelect;

export type ConsultationRow = Prisma.ConsultationGetPayload<{ select: typeof consultationRowSelect }>;

// A recommendation's child items, each selected as exactly its DTO's fields, in payload order.
const texts = <K extends string>(fields: readonly K[]) => mapFields(fields, () => true as const);
const byPosition = { orderBy: { position: "asc" as const } };
const recommendationSelect = {
  id: true,
  eventTime: true,
  eventMicros: true,
  receivedAt: true,
  referralName: true,
  dispenseUrl: true,
  dispensePassCode: true,
  dispenseQrUrl: true,
  icd10: { select: { kind: true, ...texts(icd10Fields) }, ...byPosition },
  drugs: { select: { position: true, ...texts(drugFields) }, ...byPosition },
  labs: { select: { kind: true, ...texts(labFields) }, ...byPosition },
  followUps: { select: texts(followUpFields), ...byPosition },
  answers: { select: texts(answerFields), ...byPosition },
} satisfies Prisma.RecommendationSelect;

const consultationDetailSelect = {
  ...consultationRowSelect,
  statusChanges: { select: { id: true, oldStatus: true, newStatus: true, eventTime: true, eventMicros: true, receivedAt: true } },
  recommendations: { select: recommendationSelect, orderBy: [{ eventMicros: "desc" as const }, { contentSha: "desc" as const }] },
} satisfies Prisma.ConsultationSelect;

const compare = <T extends bigint | string>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

const eventTime = (sent: string, us: bigint) => ({ sent, utc: microsToIso(us) });

export function toConsultationSummary(row: ConsultationRow): ConsultationSummaryDto {
  return {
    id: Number(row.id),
    userId: row.userId,
    insuranceId: row.insuranceId,
    policyNumber: row.policyNumber,
    status: row.status,
    statusDocumented: row.status !== null && isDocumentedStatus(row.status),
    statusSince: row.statusTime !== null && row.statusMicros !== null ? eventTime(row.statusTime, row.statusMicros) : null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastEventTime: eventTime(row.lastEventTime, row.lastEventMicros),
    diagnosis: row.recommendationId === null ? null : { code: row.diagnosisCode, name: row.diagnosisName },
    drugCount: row.drugCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getConsultation(caller: Caller, id: number): Promise<ConsultationDetailDto | null> {
  assertPermission(caller, "consultations:read");
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await readDb();
  const consultation = await db.consultation.findUnique({
    where: { id: BigInt(id) },
    select: consultationDetailSelect,
  });
  if (!consultation) return null;

  // Event-time order; events at the same instant in lifecycle order (as the current status
  // decides ties), so the timeline never depends on the order deliveries arrived in.
  const changes = [...consultation.statusChanges].sort(
    (a, b) =>
      compare(a.eventMicros, b.eventMicros) ||
      statusRank(a.newStatus) - statusRank(b.newStatus) ||
      compare(a.newStatus, b.newStatus) ||
      compare(a.oldStatus ?? "", b.oldStatus ?? "") ||
      compare(a.eventTime, b.eventTime),
  );
  // An event arrived out of order when one with a later event time had been received before it.
  const timeline: StatusChangeDto[] = changes.map((change, index, all) => ({
    id: change.id,
    oldStatus: change.oldStatus,
    newStatus: change.newStatus,
    documented: isDocumentedStatus(change.newStatus),
    eventTime: eventTime(change.eventTime, change.eventMicros),
    receivedAt: change.receivedAt.toISOString(),
    outOfOrder: all.slice(index + 1).some((later) => later.receivedAt < change.receivedAt || (later.receivedAt.getTime() === change.receivedAt.getTime() && later.id < change.id)),
  }));

  const total = consultation.recommendations.length;
  const recommendations: RecommendationDto[] = consultation.recommendations.map((rec, index) => ({
    id: rec.id,
    version: total - index,
    current: rec.id === consultation.recommendationId,
    eventTime: eventTime(rec.eventTime, rec.eventMicros),
    receivedAt: rec.receivedAt.toISOString(),
    icd10: rec.icd10.map((entry) => ({ ...entry, kind: entry.kind === "symptom" ? "symptom" : "diagnosis" })),
    drugs: rec.drugs,
    labs: rec.labs.map((lab) => ({ ...lab, kind: lab.kind === "panel" ? "panel" : "lab" })),
    referral: rec.referralName === null ? null : { name: rec.referralName },
    followUps: rec.followUps,
    answers: rec.answers,
    dispense:
      rec.dispenseUrl === null && rec.dispensePassCode === null && rec.dispenseQrUrl === null
        ? null
        : { url: rec.dispenseUrl, passCode: rec.dispensePassCode, qrUrl: rec.dispenseQrUrl },
  }));

  return { consultation: toConsultationSummary(consultation), timeline, recommendations };
}

/** Whether Care Desk knows the consultation (checked before a page streams, so that an unknown id is a 404). */
export async function hasConsultation(caller: Caller, id: number): Promise<boolean> {
  assertPermission(caller, "consultations:read");
  if (!Number.isSafeInteger(id) || id < 1) return false;
  const db = await readDb();
  return (await db.consultation.findUnique({ where: { id: BigInt(id) }, select: { id: true } })) !== null;
}
