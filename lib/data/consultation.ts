// One consultation with its status timeline and every recommendation version, as plain DTOs.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb } from "../db";
import { isDocumentedStatus, statusRank } from "../statuses";
import { microsToIso } from "../webhooks/event-time";
import type { ConsultationDetailDto, ConsultationSummaryDto, RecommendationDto, StatusChangeDto } from "../schemas/consultation";

type ConsultationRow = {
  id: bigint;
  userId: string | null;
  insuranceId: string | null;
  policyNumber: string | null;
  status: string | null;
  statusTime: string | null;
  statusUs: bigint | null;
  firstSeenAt: Date;
  lastEventTime: string;
  lastEventUs: bigint;
  recommendationId: number | null;
  diagnosisCode: string | null;
  diagnosisName: string | null;
  drugCount: number | null;
  updatedAt: Date;
};

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
    statusSince: row.statusTime !== null && row.statusUs !== null ? eventTime(row.statusTime, row.statusUs) : null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastEventTime: eventTime(row.lastEventTime, row.lastEventUs),
    diagnosis: row.recommendationId === null ? null : { code: row.diagnosisCode, name: row.diagnosisName },
    drugCount: row.drugCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const byPosition = { orderBy: { position: "asc" as const } };

export async function getConsultation(caller: Caller, id: number): Promise<ConsultationDetailDto | null> {
  assertPermission(caller, "consultations:read");
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await readDb();
  const consultation = await db.consultation.findUnique({
    where: { id: BigInt(id) },
    include: {
      statusChanges: true,
      recommendations: {
        orderBy: [{ eventUs: "desc" }, { contentSha: "desc" }],
        include: { icd10: byPosition, drugs: byPosition, labs: byPosition, followUps: byPosition, answers: byPosition },
      },
    },
  });
  if (!consultation) return null;

  // Event-time order; events at the same instant in lifecycle order (as the current status
  // decides ties), so the timeline never depends on the order deliveries arrived in.
  const changes = [...consultation.statusChanges].sort(
    (a, b) =>
      compare(a.eventUs, b.eventUs) ||
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
    eventTime: eventTime(change.eventTime, change.eventUs),
    receivedAt: change.receivedAt.toISOString(),
    outOfOrder: all.slice(index + 1).some((later) => later.receivedAt < change.receivedAt || (later.receivedAt.getTime() === change.receivedAt.getTime() && later.id < change.id)),
  }));

  const total = consultation.recommendations.length;
  const recommendations: RecommendationDto[] = consultation.recommendations.map((rec, index) => ({
    id: rec.id,
    version: total - index,
    current: rec.id === consultation.recommendationId,
    eventTime: eventTime(rec.eventTime, rec.eventUs),
    receivedAt: rec.receivedAt.toISOString(),
    icd10: rec.icd10.map(({ kind, code, name }) => ({ kind: kind === "symptom" ? "symptom" : "diagnosis", code, name })),
    drugs: rec.drugs.map((drug) => ({
      position: drug.position,
      name: drug.name,
      tradeName: drug.tradeName,
      strengthValue: drug.strengthValue,
      packageType: drug.packageType,
      packageSize: drug.packageSize,
      dosage: drug.dosage,
      dosageUnit: drug.dosageUnit,
      routeOfAdministration: drug.routeOfAdministration,
      dosageForm: drug.dosageForm,
      frequency: drug.frequency,
      duration: drug.duration,
      specialInstructions: drug.specialInstructions,
      relationWithFood: drug.relationWithFood,
      howToUse: drug.howToUse,
    })),
    labs: rec.labs.map(({ kind, name, code }) => ({ kind: kind === "panel" ? "panel" : "lab", name, code })),
    referral: rec.referralName === null ? null : { name: rec.referralName },
    followUps: rec.followUps.map(({ name }) => ({ name })),
    answers: rec.answers.map(({ question, answer }) => ({ question, answer })),
    dispense:
      rec.dispenseUrl === null && rec.dispensePassCode === null && rec.dispenseQrUrl === null
        ? null
        : { url: rec.dispenseUrl, passCode: rec.dispensePassCode, qrUrl: rec.dispenseQrUrl },
  }));

  return { consultation: toConsultationSummary(consultation), timeline, recommendations };
}
