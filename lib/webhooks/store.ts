// The SQL that stores one delivery and its event, inside the caller's transaction.
// Hand-written because it is the hot path: a handful of statements per event, each one
// idempotent (ON CONFLICT) and order-independent (conditional on event time), written in the
// SQL that SQLite and PostgreSQL share.
import "server-only";
import { Prisma, type Tx } from "../db";
import type { IngestEvent, RecommendationEvent, StatusEvent } from "./project";

export type DeliveryOutcome = "processed" | "duplicate" | "rejected" | "unauthorized";

export type DeliveryRecord = {
  receivedAt: Date;
  outcome: DeliveryOutcome;
  httpStatus: number;
  type: string | null;
  consultationId: bigint | null;
  /** Set only on processed deliveries: its uniqueness is what makes redelivery harmless. */
  dedupKey: string | null;
  webhookId: string | null;
  bodySha256: string | null;
  bodyBytes: number;
  rawBody: string | null;
  headers: string;
  errorCode: string | null;
  errorDetail: string | null;
};

/** Inserts a delivery; null when its dedup key was already stored (a redelivery). */
export async function insertDelivery(tx: Tx, record: DeliveryRecord): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "WebhookDelivery" ("receivedAt", "outcome", "httpStatus", "type", "consultationId", "dedupKey", "webhookId",
      "bodySha256", "bodyBytes", "rawBody", "headers", "errorCode", "errorDetail")
    VALUES (${record.receivedAt}, ${record.outcome}, ${record.httpStatus}, ${record.type}, ${record.consultationId}, ${record.dedupKey},
      ${record.webhookId}, ${record.bodySha256}, ${record.bodyBytes}, ${record.rawBody}, ${record.headers}, ${record.errorCode},
      ${record.errorDetail})
    ON CONFLICT ("dedupKey") DO NOTHING
    RETURNING "id"`;
  return rows[0] ? Number(rows[0].id) : null;
}

// Each field keeps the value of the latest event that carried one; ties go to the larger
// value, so the result does not depend on the order deliveries arrive in.
const latestWins = (field: string) => Prisma.raw(`
  "${field}" = CASE WHEN excluded."${field}" IS NOT NULL AND (c."${field}Us" IS NULL OR c."${field}Us" < excluded."${field}Us"
    OR (c."${field}Us" = excluded."${field}Us" AND c."${field}" < excluded."${field}")) THEN excluded."${field}" ELSE c."${field}" END,
  "${field}Us" = CASE WHEN excluded."${field}" IS NOT NULL AND (c."${field}Us" IS NULL OR c."${field}Us" < excluded."${field}Us"
    OR (c."${field}Us" = excluded."${field}Us" AND c."${field}" < excluded."${field}")) THEN excluded."${field}Us" ELSE c."${field}Us" END`);

// The current status is that of the latest event by event time; on a tie, the later lifecycle
// step, then the larger status name, then the larger time text: a total order, so any
// arrival order ends in the same state, and a late old event never moves a status back.
const statusIsNewer = `excluded."statusUs" IS NOT NULL AND (c."statusUs" IS NULL OR c."statusUs" < excluded."statusUs"
  OR (c."statusUs" = excluded."statusUs" AND (c."statusRank" < excluded."statusRank"
  OR (c."statusRank" = excluded."statusRank" AND (c."status" < excluded."status"
  OR (c."status" = excluded."status" AND c."statusTime" < excluded."statusTime"))))))`;
const lastEventIsNewer = `c."lastEventUs" < excluded."lastEventUs"
  OR (c."lastEventUs" = excluded."lastEventUs" AND c."lastEventTime" < excluded."lastEventTime")`;

const upsertSet = Prisma.raw(`
  ${["userId", "insuranceId", "policyNumber"].map((field) => latestWins(field).text).join(",")},
  "status" = CASE WHEN ${statusIsNewer} THEN excluded."status" ELSE c."status" END,
  "statusRank" = CASE WHEN ${statusIsNewer} THEN excluded."statusRank" ELSE c."statusRank" END,
  "statusTime" = CASE WHEN ${statusIsNewer} THEN excluded."statusTime" ELSE c."statusTime" END,
  "statusUs" = CASE WHEN ${statusIsNewer} THEN excluded."statusUs" ELSE c."statusUs" END,
  "lastEventTime" = CASE WHEN ${lastEventIsNewer} THEN excluded."lastEventTime" ELSE c."lastEventTime" END,
  "lastEventUs" = CASE WHEN ${lastEventIsNewer} THEN excluded."lastEventUs" ELSE c."lastEventUs" END,
  "updatedAt" = excluded."updatedAt"`);

async function upsertConsultation(tx: Tx, event: IngestEvent, now: Date): Promise<void> {
  const status = event.kind === "status" ? event : null;
  const us = (value: string | null) => (value === null ? null : event.eventUs);
  await tx.$executeRaw`
    INSERT INTO "Consultation" AS c ("id", "userId", "userIdUs", "insuranceId", "insuranceIdUs", "policyNumber", "policyNumberUs",
      "status", "statusRank", "statusTime", "statusUs", "firstSeenAt", "lastEventTime", "lastEventUs", "updatedAt")
    VALUES (${event.consultationId}, ${event.userId}, ${us(event.userId)}, ${event.insuranceId}, ${us(event.insuranceId)},
      ${event.policyNumber}, ${us(event.policyNumber)}, ${status?.newStatus ?? null}, ${status?.statusRank ?? null},
      ${status?.eventTime ?? null}, ${status?.eventUs ?? null}, ${now}, ${event.eventTime}, ${event.eventUs}, ${now})
    ON CONFLICT ("id") DO UPDATE SET ${upsertSet}`;
}

async function storeStatus(tx: Tx, event: StatusEvent, now: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "StatusChange" ("consultationId", "oldStatus", "newStatus", "eventTime", "eventUs", "receivedAt", "eventKey")
    VALUES (${event.consultationId}, ${event.oldStatus}, ${event.newStatus}, ${event.eventTime}, ${event.eventUs}, ${now}, ${event.eventKey})
    ON CONFLICT ("eventKey") DO NOTHING`;
}

const values = <T>(rows: T[], row: (item: T, position: number) => Prisma.Sql) => Prisma.join(rows.map(row));

async function storeRecommendation(tx: Tx, event: RecommendationEvent, now: Date): Promise<void> {
  const inserted = await tx.$queryRaw<{ id: number | bigint }[]>`
    INSERT INTO "Recommendation" ("consultationId", "eventTime", "eventUs", "receivedAt", "contentSha", "rawJson", "referralName",
      "dispenseUrl", "dispensePassCode", "dispenseQrUrl")
    VALUES (${event.consultationId}, ${event.eventTime}, ${event.eventUs}, ${now}, ${event.contentSha}, ${event.rawJson},
      ${event.referralName}, ${event.dispenseUrl}, ${event.dispensePassCode}, ${event.dispenseQrUrl})
    ON CONFLICT ("consultationId", "contentSha") DO NOTHING
    RETURNING "id"`;
  if (!inserted[0]) return; // this exact recommendation is already stored
  const id = Number(inserted[0].id);

  if (event.icd10.length > 0) {
    await tx.$executeRaw`INSERT INTO "RecommendationIcd10" ("recommendationId", "position", "kind", "code", "name") VALUES
      ${values(event.icd10, (e, i) => Prisma.sql`(${id}, ${i}, ${e.kind}, ${e.code}, ${e.name})`)}`;
  }
  if (event.drugs.length > 0) {
    await tx.$executeRaw`INSERT INTO "RecommendationDrug" ("recommendationId", "position", "name", "tradeName", "strengthValue",
      "packageType", "packageSize", "dosage", "dosageUnit", "routeOfAdministration", "dosageForm", "frequency", "duration",
      "specialInstructions", "relationWithFood", "howToUse") VALUES
      ${values(
        event.drugs,
        (d, i) => Prisma.sql`(${id}, ${i}, ${d.name}, ${d.tradeName}, ${d.strengthValue}, ${d.packageType}, ${d.packageSize},
          ${d.dosage}, ${d.dosageUnit}, ${d.routeOfAdministration}, ${d.dosageForm}, ${d.frequency}, ${d.duration},
          ${d.specialInstructions}, ${d.relationWithFood}, ${d.howToUse})`,
      )}`;
  }
  if (event.labs.length > 0) {
    await tx.$executeRaw`INSERT INTO "RecommendationLab" ("recommendationId", "position", "kind", "name", "code") VALUES
      ${values(event.labs, (l, i) => Prisma.sql`(${id}, ${i}, ${l.kind}, ${l.name}, ${l.code})`)}`;
  }
  if (event.followUps.length > 0) {
    await tx.$executeRaw`INSERT INTO "RecommendationFollowUp" ("recommendationId", "position", "name") VALUES
      ${values(event.followUps, (f, i) => Prisma.sql`(${id}, ${i}, ${f.name})`)}`;
  }
  if (event.answers.length > 0) {
    await tx.$executeRaw`INSERT INTO "RecommendationAnswer" ("recommendationId", "position", "question", "answer") VALUES
      ${values(event.answers, (a, i) => Prisma.sql`(${id}, ${i}, ${a.question}, ${a.answer})`)}`;
  }

  // The current version is the latest by event time (ties: the larger content hash), whatever the arrival order.
  const diagnosis = event.icd10.find((entry) => entry.kind === "diagnosis") ?? null;
  await tx.$executeRaw`
    UPDATE "Consultation" SET "recommendationId" = ${id}, "recommendationUs" = ${event.eventUs}, "recommendationSha" = ${event.contentSha},
      "diagnosisCode" = ${diagnosis?.code ?? null}, "diagnosisName" = ${diagnosis?.name ?? null}, "drugCount" = ${event.drugs.length}
    WHERE "id" = ${event.consultationId} AND ("recommendationUs" IS NULL OR "recommendationUs" < ${event.eventUs}
      OR ("recommendationUs" = ${event.eventUs} AND "recommendationSha" < ${event.contentSha}))`;
}

/** Applies one event: creates the consultation when it is new, then records the event. */
export async function applyEvent(tx: Tx, event: IngestEvent, now: Date): Promise<void> {
  await upsertConsultation(tx, event, now);
  if (event.kind === "status") await storeStatus(tx, event, now);
  else await storeRecommendation(tx, event, now);
}
