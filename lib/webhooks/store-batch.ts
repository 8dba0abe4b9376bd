// PostgreSQL: a whole group-commit batch of deliveries (lib/webhooks/ingest.ts) in ONE statement,
// one round trip: the batch travels as JSON parameters (one per table) and a data-modifying CTE writes each
// table with one multi-row statement. On PostgreSQL every statement is a round trip that costs
// Node about 0.1 ms of CPU (plus the backend's per-statement work), so the per-event path
// (./store.ts: 3 statements a status update, up to 9 a recommendation) cost more than everything
// else our code does per request; here a batch of 8–64 deliveries costs one.
//
// The rules are ./store.ts's, and the result is the one its per-event path gives when the batch's
// jobs run one after another in order:
// - deliveries: a dedup key already stored, or earlier in the batch, makes a "duplicate" record;
//   every job gets exactly one row, whose id is drawn from the sequence up front (so each job
//   knows its id whichever of the two inserts wrote it).
// - a consultation's fields: each rule of the upsert is "the larger by a total order wins" (latest
//   event time, then the tie-breaks), so the batch's events for one consultation are first reduced
//   to their winner per rule, in SQL with the same collation, and then merged with the stored row
//   by the same CASE rules. (One multi-row upsert may not touch a row twice, which is why.)
// - status changes and recommendations: first of the batch wins an identity the batch repeats
//   (ON CONFLICT DO NOTHING, as one by one); children only for a recommendation inserted now.
// - the current recommendation: the batch's newest new version per consultation, merged into the
//   same upsert by the pointer's rule (one statement may not update a row in two sub-statements).
// - payload shapes: counted per (kind, value); the first delivery of the batch that carried one
//   is its first delivery.
// Foreign keys are checked at the end of the statement, when every sub-statement has run.
import "server-only";
import type { WriteSession } from "../db";
import type { ObservedShapes } from "../drift/record";
import { drugFields } from "../schemas/drug";
import { answerFields, followUpFields, icd10Fields, labFields } from "../schemas/recommendation-fields";
import { ifNewer, lastEventIsNewer, latestWins, statusIsNewer } from "./newest-wins";
import type { DeliveryRecord } from "./store";
import type { IngestEvent } from "./to-rows";

export type BatchJob = { record: DeliveryRecord; event: IngestEvent | null; shapes: ObservedShapes | null };
/** Per job, in order: its delivery's id, and whether it was stored as a duplicate. */
export type BatchResult = { deliveryId: number; duplicate: boolean };

/** `t(a text, "b" bigint, …)`: a json_to_recordset row type. */
const rowType = (columns: [string, string][]) => columns.map(([name, type]) => `"${name}" ${type}`).join(", ");
const names = (columns: [string, string][], prefix = "") => quote(columns.map(([name]) => name), prefix);
const quote = (fields: readonly string[], prefix = "") => fields.map((field) => `${prefix}"${field}"`).join(", ");
const text = (fields: readonly string[]): [string, string][] => fields.map((field) => [field, "text"]);

const deliveryColumns: [string, string][] = [
  ["receivedAt", "timestamp(3)"], ["outcome", "text"], ["httpStatus", "int"], ["type", "text"], ["consultationId", "bigint"],
  ["dedupKey", "text"], ["webhookId", "text"], ["bodySha256", "text"], ["bodyBytes", "int"], ["rawBody", "text"],
  ["headers", "text"], ["errorCode", "text"], ["errorDetail", "text"], ["unauthenticated", "boolean"],
];
const eventColumns: [string, string][] = [
  ["ord", "int"], ["consultationId", "bigint"], ["userId", "text"], ["userIdUs", "bigint"], ["insuranceId", "text"], ["insuranceIdUs", "bigint"],
  ["policyNumber", "text"], ["policyNumberUs", "bigint"], ["status", "text"], ["statusRank", "int"], ["statusTime", "text"], ["statusUs", "bigint"],
  ["lastEventTime", "text"], ["lastEventUs", "bigint"],
];
const statusColumns: [string, string][] = [
  ["ord", "int"], ["consultationId", "bigint"], ["oldStatus", "text"], ["newStatus", "text"], ["eventTime", "text"], ["eventUs", "bigint"], ["eventKey", "text"],
];
const recommendationColumns: [string, string][] = [
  ["ord", "int"], ["consultationId", "bigint"], ["eventTime", "text"], ["eventUs", "bigint"], ["contentSha", "text"], ["referralName", "text"],
  ["dispenseUrl", "text"], ["dispensePassCode", "text"], ["dispenseQrUrl", "text"], ["diagnosisCode", "text"], ["diagnosisName", "text"], ["drugCount", "int"],
];
// A recommendation's child tables: the JSON key of their rows, and their own columns.
const children = [
  { key: "icd", table: "RecommendationIcd10", columns: text(["kind", ...icd10Fields]) },
  { key: "drug", table: "RecommendationDrug", columns: text(drugFields) },
  { key: "lab", table: "RecommendationLab", columns: text(["kind", ...labFields]) },
  { key: "followUp", table: "RecommendationFollowUp", columns: text(followUpFields) },
  { key: "answer", table: "RecommendationAnswer", columns: text(answerFields) },
] as const;
const shapeColumns: [string, string][] = [["ord", "int"], ["kind", "text"], ["value", "text"], ["seenAt", "timestamp(3)"]];

// A redelivery's record: the delivery as received, marked a duplicate, without the dedup key its original holds.
const duplicateValue: Record<string, string> = { outcome: "'duplicate'", dedupKey: "NULL", errorDetail: '"duplicateDetail"' };

// The statement's parameters, in the order their `?` appear: one JSON array per table (each
// parsed once by PostgreSQL) and the batch's time.
const parameterOrder: string[] = [];
const parameter = (key: string, type: string) => (parameterOrder.push(key), `?::${type}`);
const input = (key: string, columns: [string, string][]) => `json_to_recordset(${parameter(key, "json")}) AS t(${rowType(columns)})`;
const now = `(SELECT "now" FROM batch)`;

// Same rules as ./store.ts's upsertConsultationSql (./newest-wins.ts), plus the current
// recommendation's (its pointRecommendationSql), over the stored row c and the batch's winner.
const recommendationIsNewer = `excluded."recommendationUs" IS NOT NULL AND (c."recommendationUs" IS NULL OR c."recommendationUs" < excluded."recommendationUs"
  OR (c."recommendationUs" = excluded."recommendationUs" AND c."recommendationSha" < excluded."recommendationSha"))`;
const memberFields = ["userId", "insuranceId", "policyNumber"];
const statusFields = ["status", "statusRank", "statusTime", "statusUs"];
const pointerFields = ["recommendationId", "recommendationUs", "recommendationSha", "diagnosisCode", "diagnosisName", "drugCount"];

// The batch's winner of a "latest wins" field: the largest (event time, value) among the events that carry one.
const winner = (field: string) => `(array_agg("${field}" ORDER BY "${field}Us" DESC, "${field}" DESC) FILTER (WHERE "${field}" IS NOT NULL))[1] AS "${field}",
      max("${field}Us") FILTER (WHERE "${field}" IS NOT NULL) AS "${field}Us"`;

const batchSql = `
WITH batch AS (SELECT ${parameter("now", "timestamp(3)")} AS "now"),
d AS MATERIALIZED (
  SELECT nextval('"WebhookDelivery_id_seq"')::int AS "id", t.*
  FROM ${input("d", [["ord", "int"], ["seenBefore", "boolean"], ["duplicateDetail", "text"], ...deliveryColumns])}
),
inserted AS (
  INSERT INTO "WebhookDelivery" ("id", ${names(deliveryColumns)})
  SELECT "id", ${names(deliveryColumns)} FROM d WHERE NOT "seenBefore" ORDER BY "ord"
  ON CONFLICT ("dedupKey") DO NOTHING
  RETURNING "id"
),
duplicates AS (
  INSERT INTO "WebhookDelivery" ("id", ${names(deliveryColumns)})
  SELECT "id", ${deliveryColumns.map(([name]) => duplicateValue[name] ?? `"${name}"`).join(", ")}
  FROM d WHERE "seenBefore" OR "id" NOT IN (SELECT "id" FROM inserted) ORDER BY "ord"
  RETURNING "id"
),
applied AS (SELECT d."ord", d."id" FROM d JOIN inserted USING ("id")),
events AS (SELECT t.* FROM ${input("e", eventColumns)} JOIN applied USING ("ord")),
statuses AS (
  INSERT INTO "StatusChange" ("consultationId", "oldStatus", "newStatus", "eventTime", "eventUs", "receivedAt", "eventKey")
  SELECT "consultationId", "oldStatus", "newStatus", "eventTime", "eventUs", ${now}, "eventKey"
  FROM (SELECT DISTINCT ON ("eventKey") t.* FROM ${input("s", statusColumns)} JOIN applied USING ("ord") ORDER BY "eventKey", "ord") AS first
  ORDER BY "consultationId", "eventKey"
  ON CONFLICT ("eventKey") DO NOTHING
),
offered AS (
  SELECT DISTINCT ON ("consultationId", "contentSha") t.*, applied."id" AS "deliveryId"
  FROM ${input("r", recommendationColumns)} JOIN applied USING ("ord")
  ORDER BY "consultationId", "contentSha", "ord"
),
recommendations AS (
  INSERT INTO "Recommendation" ("consultationId", "eventTime", "eventUs", "receivedAt", "contentSha", "deliveryId", "referralName",
    "dispenseUrl", "dispensePassCode", "dispenseQrUrl")
  SELECT "consultationId", "eventTime", "eventUs", ${now}, "contentSha", "deliveryId", "referralName",
    "dispenseUrl", "dispensePassCode", "dispenseQrUrl"
  FROM offered ORDER BY "consultationId", "contentSha"
  ON CONFLICT ("consultationId", "contentSha") DO NOTHING
  RETURNING "id", "consultationId", "contentSha"
),
stored AS (SELECT offered.*, recommendations."id" AS "recommendationId" FROM offered JOIN recommendations USING ("consultationId", "contentSha")),
${children
  .map(
    ({ key, table, columns }) => `${key} AS (
  INSERT INTO "${table}" ("recommendationId", "position", ${names(columns)})
  SELECT stored."recommendationId", t."position", ${names(columns, "t.")}
  FROM ${input(key, [["ord", "int"], ["position", "int"], ...columns])} JOIN stored USING ("ord")
  ORDER BY stored."recommendationId", t."position"
)`,
  )
  .join(",\n")},
pointer AS (
  SELECT DISTINCT ON ("consultationId") "consultationId" AS "id", "recommendationId", "eventUs" AS "recommendationUs",
    "contentSha" AS "recommendationSha", "diagnosisCode", "diagnosisName", "drugCount"
  FROM stored ORDER BY "consultationId", "eventUs" DESC, "contentSha" DESC
),
members AS (
  SELECT "consultationId" AS "id", ${memberFields.map(winner).join(",\n      ")}
  FROM events GROUP BY "consultationId"
),
latestStatus AS (
  SELECT DISTINCT ON ("consultationId") "consultationId" AS "id", ${quote(statusFields)}
  FROM events WHERE "statusUs" IS NOT NULL
  ORDER BY "consultationId", "statusUs" DESC, "statusRank" DESC, "status" DESC, "statusTime" DESC
),
lastEvent AS (
  SELECT DISTINCT ON ("consultationId") "consultationId" AS "id", "lastEventTime", "lastEventUs"
  FROM events ORDER BY "consultationId", "lastEventUs" DESC, "lastEventTime" DESC
),
consultations AS (
  INSERT INTO "Consultation" AS c ("id", ${quote(memberFields.flatMap((field) => [field, `${field}Us`]))},
    ${quote(statusFields)}, "firstSeenAt", "lastEventTime", "lastEventUs", "updatedAt", ${quote(pointerFields)})
  SELECT "id", ${quote(memberFields.flatMap((field) => [field, `${field}Us`]))},
    ${quote(statusFields)}, ${now}, "lastEventTime", "lastEventUs", ${now}, ${quote(pointerFields)}
  FROM members JOIN lastEvent USING ("id") LEFT JOIN latestStatus USING ("id") LEFT JOIN pointer USING ("id")
  ORDER BY "id"
  ON CONFLICT ("id") DO UPDATE SET
    ${memberFields.map(latestWins).join(",\n    ")},
    ${statusFields.map((column) => ifNewer(statusIsNewer, column)).join(",\n    ")},
    ${["lastEventTime", "lastEventUs"].map((column) => ifNewer(lastEventIsNewer, column)).join(",\n    ")},
    ${pointerFields.map((column) => ifNewer(recommendationIsNewer, column)).join(",\n    ")},
    "updatedAt" = excluded."updatedAt"
),
shapes AS (
  INSERT INTO "PayloadShape" ("kind", "value", "firstSeenAt", "lastSeenAt", "count", "firstDeliveryId")
  SELECT "kind", "value", (array_agg("seenAt" ORDER BY "ord"))[1], max("seenAt"), count(*), (array_agg(applied."id" ORDER BY "ord"))[1]
  FROM ${input("p", shapeColumns)} JOIN applied USING ("ord")
  GROUP BY "kind", "value" ORDER BY "kind", "value"
  ON CONFLICT ("kind", "value") DO UPDATE SET "count" = "PayloadShape"."count" + excluded."count",
    "lastSeenAt" = CASE WHEN "PayloadShape"."lastSeenAt" < excluded."lastSeenAt" THEN excluded."lastSeenAt" ELSE "PayloadShape"."lastSeenAt" END
)
SELECT d."ord", d."id", (applied."id" IS NULL) AS "duplicate" FROM d LEFT JOIN applied USING ("ord") ORDER BY d."ord"`;

const micros = (value: bigint | null | undefined) => (value === null || value === undefined ? null : value.toString());

/** The batch as batchSql's parameters: its rows per table as JSON (bigints as text; PostgreSQL casts them). */
function toParameters(jobs: BatchJob[], now: Date): string[] {
  const seen = new Set<string>();
  const doc: Record<string, unknown[]> = { d: [], e: [], s: [], r: [], icd: [], drug: [], lab: [], followUp: [], answer: [], p: [] };
  jobs.forEach(({ record: r, event, shapes }, ord) => {
    // A dedup key earlier in the batch: this one is its redelivery, whatever the earlier one meets.
    const seenBefore = r.dedupKey !== null && seen.has(r.dedupKey);
    if (r.dedupKey !== null) seen.add(r.dedupKey);
    doc.d!.push({
      ord, seenBefore, duplicateDetail: r.dedupKey === null ? null : `already received (${r.dedupKey})`,
      receivedAt: r.receivedAt.toISOString(), outcome: r.outcome, httpStatus: r.httpStatus, type: r.type, consultationId: micros(r.consultationId),
      dedupKey: r.dedupKey, webhookId: r.webhookId, bodySha256: r.bodySha256, bodyBytes: r.bodyBytes, rawBody: r.rawBody, headers: r.headers,
      errorCode: r.errorCode, errorDetail: r.errorDetail, unauthenticated: r.unauthenticated === true,
    });
    for (const shape of shapes?.fresh ?? []) doc.p!.push({ ord, kind: shape.kind, value: shape.value, seenAt: shapes!.receivedAt.toISOString() });
    if (!event) return;
    const us = (value: string | null) => (value === null ? null : event.eventMicros.toString());
    const status = event.kind === "status" ? event : null;
    doc.e!.push({
      ord, consultationId: event.consultationId.toString(), userId: event.userId, userIdUs: us(event.userId), insuranceId: event.insuranceId,
      insuranceIdUs: us(event.insuranceId), policyNumber: event.policyNumber, policyNumberUs: us(event.policyNumber), status: status?.newStatus ?? null,
      statusRank: status?.statusRank ?? null, statusTime: status?.eventTime ?? null, statusUs: micros(status?.eventMicros), lastEventTime: event.eventTime,
      lastEventUs: event.eventMicros.toString(),
    });
    if (event.kind === "status") {
      doc.s!.push({ ord, consultationId: event.consultationId.toString(), oldStatus: event.oldStatus, newStatus: event.newStatus, eventTime: event.eventTime, eventUs: event.eventMicros.toString(), eventKey: event.eventKey });
      return;
    }
    const diagnosis = event.icd10.find((entry) => entry.kind === "diagnosis") ?? null;
    doc.r!.push({
      ord, consultationId: event.consultationId.toString(), eventTime: event.eventTime, eventUs: event.eventMicros.toString(), contentSha: event.contentSha,
      referralName: event.referralName, dispenseUrl: event.dispenseUrl, dispensePassCode: event.dispensePassCode, dispenseQrUrl: event.dispenseQrUrl,
      diagnosisCode: diagnosis?.code ?? null, diagnosisName: diagnosis?.name ?? null, drugCount: event.drugs.length,
    });
    const rows = { icd: event.icd10, drug: event.drugs, lab: event.labs, followUp: event.followUps, answer: event.answers };
    for (const { key } of children) rows[key].forEach((row, position) => doc[key]!.push({ ord, position, ...row }));
  });
  return parameterOrder.map((key) => (key === "now" ? now.toISOString() : JSON.stringify(doc[key])));
}

/** Stores a batch of deliveries and their events in the open transaction, one statement (PostgreSQL only). */
export async function storeBatch(session: WriteSession, jobs: BatchJob[], now: Date): Promise<BatchResult[]> {
  const rows = await session.all<{ ord: number; id: number; duplicate: boolean }>(batchSql, toParameters(jobs, now));
  return rows.map((row) => ({ deliveryId: Number(row.id), duplicate: row.duplicate }));
}
