// The SQL that stores one delivery and its event, inside the caller's transaction (SQLite's
// ingest path; PostgreSQL stores a whole batch at once, ./store-batch.ts). Hand-written
// because it is the hot path: a handful of statements per event, each one idempotent (ON
// CONFLICT) and order-independent (conditional on event time), in the SQL that SQLite and
// PostgreSQL share (`?` placeholders; lib/db-writer adapts them).
import "server-only";
import type { WriteSession } from "../db";
import type { DeliveryOutcome } from "../schemas/delivery";
import { drugFields } from "../schemas/drug";
import { answerFields, followUpFields, icd10Fields, labFields } from "../schemas/recommendation-fields";
import { ifNewer, lastEventIsNewer, latestWins, statusIsNewer } from "./newest-wins";
import type { IngestEvent, RecommendationEvent, StatusEvent } from "./to-rows";

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
  /** A sampled record of a request whose sender was not authenticated (kept for a shorter time: lib/jobs/retention.ts). */
  unauthenticated?: boolean;
};

const insertDeliverySql = `
  INSERT INTO "WebhookDelivery" ("receivedAt", "outcome", "httpStatus", "type", "consultationId", "dedupKey", "webhookId",
    "bodySha256", "bodyBytes", "rawBody", "headers", "errorCode", "errorDetail", "unauthenticated")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("dedupKey") DO NOTHING
  RETURNING "id"`;

/** Inserts a delivery; null when its dedup key was already stored (a redelivery). */
export async function insertDelivery(session: WriteSession, r: DeliveryRecord): Promise<number | null> {
  const row = await session.get<{ id: number | bigint }>(insertDeliverySql, [
    r.receivedAt, r.outcome, r.httpStatus, r.type, r.consultationId, r.dedupKey, r.webhookId,
    r.bodySha256, r.bodyBytes, r.rawBody, r.headers, r.errorCode, r.errorDetail,
    // A number, not a boolean: SQLite keeps booleans as 0/1 and PostgreSQL reads '1'/'0' as one.
    r.unauthenticated ? 1 : 0,
  ]);
  return row ? Number(row.id) : null;
}


const upsertConsultationSql = `
  INSERT INTO "Consultation" AS c ("id", "userId", "userIdUs", "insuranceId", "insuranceIdUs", "policyNumber", "policyNumberUs",
    "status", "statusRank", "statusTime", "statusUs", "firstSeenAt", "lastEventTime", "lastEventUs", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("id") DO UPDATE SET
    ${["userId", "insuranceId", "policyNumber"].map(latestWins).join(",\n    ")},
    ${["status", "statusRank", "statusTime", "statusUs"].map((column) => ifNewer(statusIsNewer, column)).join(",\n    ")},
    ${["lastEventTime", "lastEventUs"].map((column) => ifNewer(lastEventIsNewer, column)).join(",\n    ")},
    "updatedAt" = excluded."updatedAt"`;

async function upsertConsultation(session: WriteSession, event: IngestEvent, now: Date): Promise<void> {
  const status = event.kind === "status" ? event : null;
  const us = (value: string | null) => (value === null ? null : event.eventMicros);
  await session.run(upsertConsultationSql, [
    event.consultationId, event.userId, us(event.userId), event.insuranceId, us(event.insuranceId), event.policyNumber,
    us(event.policyNumber), status?.newStatus ?? null, status?.statusRank ?? null, status?.eventTime ?? null,
    status?.eventMicros ?? null, now, event.eventTime, event.eventMicros, now,
  ]);
}

const insertStatusSql = `
  INSERT INTO "StatusChange" ("consultationId", "oldStatus", "newStatus", "eventTime", "eventUs", "receivedAt", "eventKey")
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("eventKey") DO NOTHING`;

async function storeStatus(session: WriteSession, event: StatusEvent, now: Date): Promise<void> {
  await session.run(insertStatusSql, [event.consultationId, event.oldStatus, event.newStatus, event.eventTime, event.eventMicros, now, event.eventKey]);
}

const insertRecommendationSql = `
  INSERT INTO "Recommendation" ("consultationId", "eventTime", "eventUs", "receivedAt", "contentSha", "deliveryId", "referralName",
    "dispenseUrl", "dispensePassCode", "dispenseQrUrl")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("consultationId", "contentSha") DO NOTHING
  RETURNING "id"`;

// The current version is the latest by event time (ties: the larger content hash), whatever the arrival order.
const pointRecommendationSql = `
  UPDATE "Consultation" SET "recommendationId" = ?, "recommendationUs" = ?, "recommendationSha" = ?,
    "diagnosisCode" = ?, "diagnosisName" = ?, "drugCount" = ?
  WHERE "id" = ? AND ("recommendationUs" IS NULL OR "recommendationUs" < ? OR ("recommendationUs" = ? AND "recommendationSha" < ?))`;

/**
 * One multi-row INSERT of a recommendation's child rows (nothing when there are none); the
 * columns are the rows' field names (lib/schemas/drug.ts and ./recommendation-fields.ts).
 */
async function insertChildren<K extends string>(session: WriteSession, table: string, columns: readonly K[], rows: Record<K, string | null>[], id: number) {
  if (rows.length === 0) return;
  const tuple = `(${["?", "?", ...columns.map(() => "?")].join(", ")})`;
  const sql = `INSERT INTO "${table}" ("recommendationId", "position", ${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${rows.map(() => tuple).join(", ")}`;
  await session.run(sql, rows.flatMap((row, position) => [id, position, ...columns.map((column) => row[column])]));
}

async function storeRecommendation(session: WriteSession, event: RecommendationEvent, now: Date, deliveryId: number): Promise<void> {
  const inserted = await session.get<{ id: number | bigint }>(insertRecommendationSql, [
    event.consultationId, event.eventTime, event.eventMicros, now, event.contentSha, deliveryId, event.referralName,
    event.dispenseUrl, event.dispensePassCode, event.dispenseQrUrl,
  ]);
  if (!inserted) return; // this exact recommendation is already stored
  const id = Number(inserted.id);

  const diagnosis = event.icd10.find((entry) => entry.kind === "diagnosis") ?? null;
  await Promise.all([
    insertChildren(session, "RecommendationIcd10", ["kind", ...icd10Fields], event.icd10, id),
    insertChildren(session, "RecommendationDrug", drugFields, event.drugs, id),
    insertChildren(session, "RecommendationLab", ["kind", ...labFields], event.labs, id),
    insertChildren(session, "RecommendationFollowUp", followUpFields, event.followUps, id),
    insertChildren(session, "RecommendationAnswer", answerFields, event.answers, id),
    session.run(pointRecommendationSql, [
      id, event.eventMicros, event.contentSha, diagnosis?.code ?? null, diagnosis?.name ?? null, event.drugs.length,
      event.consultationId, event.eventMicros, event.eventMicros, event.contentSha,
    ]),
  ]);
}

/**
 * Applies one event: creates the consultation when it is new, then records the event. A new
 * recommendation version points at `deliveryId`, the delivery whose body carried it (the body
 * is stored once, there).
 */
export async function applyEvent(session: WriteSession, event: IngestEvent, now: Date, deliveryId: number): Promise<void> {
  // Issued in order without waiting in between (the consultation first: the event's row refers
  // to it); on SQLite they reach the writer thread in one message (lib/db-writer.ts).
  const upserted = upsertConsultation(session, event, now);
  await Promise.all([upserted, event.kind === "status" ? storeStatus(session, event, now) : storeRecommendation(session, event, now, deliveryId)]);
}
