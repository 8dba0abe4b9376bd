// Reprocessing: stored deliveries run again through today's parsing, validation (lib/schemas)
// and projection (lib/webhooks/to-rows.ts and store.ts: the same code ingestion runs, not a
// second copy). A dry run applies everything in one transaction, measures it, and rolls it back,
// so what it reports is exactly what applying would do; applying commits the same work in
// batches. Ingestion's statements are idempotent and ordered by event time, so running it twice
// changes nothing the second time. A delivery keeps its id and receipt time (rows it creates get
// that receipt time too); a once-refused body now accepted turns the delivery to processed.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb, writeBatch, type Prisma, type WriteSession } from "../db";
import { bodyPath, toIssues } from "../schemas/issues";
import { webhookSchema } from "../schemas/webhook";
import { parseJsonObject } from "../webhooks/parse-json";
import { dedupKeyFor } from "../webhooks/receive";
import { reconcileTasks } from "../tasks/reconcile";
import { applyEvent } from "../webhooks/store";
import { toIngestRows } from "../webhooks/to-rows";
import { toStorableText } from "../webhooks/storable-text";
import { describeFilter, maxReprocessDeliveries, reprocessOutcomes, type ReprocessFilter, type ReprocessSummary } from "./filter";


type Row = { id: number; receivedAt: Date; outcome: string; httpStatus: number; webhookId: string | null; bodySha256: string | null; rawBody: string | null; errorCode: string | null; errorDetail: string | null };

const batchSize = 100;

function whereOf(filter: ReprocessFilter): Prisma.WebhookDeliveryWhereInput {
  const receivedAt: Prisma.DateTimeFilter = {};
  if (filter.since) receivedAt.gte = new Date(`${filter.since}T00:00:00Z`);
  if (filter.until) receivedAt.lt = new Date(new Date(`${filter.until}T00:00:00Z`).getTime() + 86_400_000);
  return {
    ...(filter.deliveryId ? { id: filter.deliveryId } : {}),
    ...(filter.afterId ? { id: { gt: filter.afterId, ...(filter.deliveryId ? { equals: filter.deliveryId } : {}) } } : {}),
    outcome: filter.outcome ?? { in: [...reprocessOutcomes] },
    rawBody: { not: null },
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.consultationId ? { consultationId: BigInt(filter.consultationId) } : {}),
    ...(filter.since || filter.until ? { receivedAt } : {}),
  };
}

async function select(filter: ReprocessFilter): Promise<{ rows: Row[]; more: boolean }> {
  const db = await readDb();
  const rows = await db.webhookDelivery.findMany({
    where: whereOf(filter),
    orderBy: { id: "asc" },
    take: maxReprocessDeliveries + 1,
    select: { id: true, receivedAt: true, outcome: true, httpStatus: true, webhookId: true, bodySha256: true, rawBody: true, errorCode: true, errorDetail: true },
  });
  return { rows: rows.slice(0, maxReprocessDeliveries), more: rows.length > maxReprocessDeliveries };
}

type Touched = Map<string, string | null>; // consultation id → status before this run

const exists = async (session: WriteSession, sql: string, params: (string | bigint)[]) => (await session.get(sql, params)) !== undefined;

/** Runs one delivery again inside `session`, adding what it did to `summary`. */
async function reprocessOne(session: WriteSession, row: Row, summary: ReprocessSummary, touched: Touched, now: Date, recommended: bigint[]): Promise<void> {
  const parsed = parseJsonObject(Buffer.from(row.rawBody!, "utf8"));
  if (!parsed.ok) {
    summary.stillRejected.push({ deliveryId: row.id, reason: `${parsed.code}: ${parsed.message}` });
    return;
  }
  const validated = webhookSchema.safeParse(parsed.value);
  if (!validated.success) {
    const issues = toIssues(validated.error, bodyPath, 5).map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    summary.stillRejected.push({ deliveryId: row.id, reason: `invalid_payload: ${issues}` });
    return;
  }
  summary.accepted++;

  if (row.outcome === "rejected") {
    const dedupKey = dedupKeyFor(row.webhookId, row.bodySha256 ?? "");
    if (await exists(session, `SELECT 1 AS "x" FROM "WebhookDelivery" WHERE "dedupKey" = ?`, [dedupKey])) {
      // The same message was processed since (a retry Altibbi sent): this one is its duplicate.
      await session.run(`UPDATE "WebhookDelivery" SET "outcome" = 'duplicate', "errorDetail" = ? WHERE "id" = ? AND "outcome" = 'rejected'`, [
        toStorableText(`already received (${dedupKey}); refused with ${row.httpStatus} (${row.errorCode ?? "?"}) when received, valid when reprocessed at ${now.toISOString()}`),
        row.id,
      ]);
      summary.nowDuplicate.push(row.id);
      return;
    }
    await session.run(`UPDATE "WebhookDelivery" SET "outcome" = 'processed', "dedupKey" = ?, "errorCode" = NULL, "errorDetail" = ? WHERE "id" = ? AND "outcome" = 'rejected'`, [
      dedupKey,
      toStorableText(`Refused with ${row.httpStatus} (${row.errorCode ?? "?"}) when received; accepted when reprocessed at ${now.toISOString()}. It said: ${row.errorDetail ?? ""}`.slice(0, 4000)),
      row.id,
    ]);
    summary.nowAccepted.push(row.id);
  }

  const event = toIngestRows(validated.data);
  const id = event.consultationId;
  const key = String(id);
  const before = await session.get<{ status: string | null }>(`SELECT "status" FROM "Consultation" WHERE "id" = ?`, [id]);
  if (!touched.has(key)) touched.set(key, before ? before.status : null);
  const statusIsNew = event.kind === "status" && !(await exists(session, `SELECT 1 AS "x" FROM "StatusChange" WHERE "eventKey" = ?`, [event.eventKey]));
  const recommendationIsNew =
    event.kind === "recommendation" &&
    !(await exists(session, `SELECT 1 AS "x" FROM "Recommendation" WHERE "consultationId" = ? AND "contentSha" = ?`, [id, event.contentSha]));

  await applyEvent(session, event, now, row.id);
  if (event.kind === "recommendation") recommended.push(id);

  // What this run created carries the delivery's own receipt time, as if it had been accepted then.
  if (!before) {
    summary.newConsultations.push(key);
    await session.run(`UPDATE "Consultation" SET "firstSeenAt" = ? WHERE "id" = ?`, [row.receivedAt, id]);
  }
  if (statusIsNew && event.kind === "status") {
    summary.newStatusEvents++;
    await session.run(`UPDATE "StatusChange" SET "receivedAt" = ? WHERE "eventKey" = ?`, [row.receivedAt, event.eventKey]);
  }
  if (recommendationIsNew && event.kind === "recommendation") {
    summary.newRecommendationVersions++;
    await session.run(`UPDATE "Recommendation" SET "receivedAt" = ? WHERE "consultationId" = ? AND "contentSha" = ?`, [row.receivedAt, id, event.contentSha]);
  }
  if (before && !statusIsNew && !recommendationIsNew && row.outcome !== "rejected") summary.unchanged++;
}

async function finishStatusChanges(session: WriteSession, touched: Touched, summary: ReprocessSummary): Promise<void> {
  for (const [key, from] of touched) {
    const after = await session.get<{ status: string | null }>(`SELECT "status" FROM "Consultation" WHERE "id" = ?`, [BigInt(key)]);
    const to = after?.status ?? null;
    if (to !== from) summary.statusChanges.push({ consultationId: key, from, to });
  }
}

class DryRunRollback extends Error {}

/**
 * Reprocesses the deliveries the filter selects (oldest first, at most maxReprocessDeliveries).
 * `dryRun`: nothing is kept. Returns what it did (or would do), for the page, the command and
 * the audit trail (deliveries.reprocessed).
 */
export async function reprocessDeliveries(caller: Caller, filter: ReprocessFilter, { dryRun }: { dryRun: boolean }): Promise<ReprocessSummary> {
  assertPermission(caller, "replay");
  const { rows, more } = await select(filter);
  const summary: ReprocessSummary = {
    dryRun,
    filter,
    filterText: describeFilter(filter),
    selected: rows.length,
    nextAfterId: more ? rows[rows.length - 1]!.id : null,
    accepted: 0,
    nowAccepted: [],
    nowDuplicate: [],
    stillRejected: [],
    newConsultations: [],
    statusChanges: [],
    newStatusEvents: 0,
    newRecommendationVersions: 0,
    unchanged: 0,
  };
  const touched: Touched = new Map();
  const now = new Date();
  if (dryRun) {
    // One transaction, rolled back: the report is what applying would do, step for step.
    try {
      await writeBatch(async (session) => {
        const recommended: bigint[] = [];
        for (const row of rows) await reprocessOne(session, row, summary, touched, now, recommended);
        await reconcileTasks(session, recommended, now);
        await finishStatusChanges(session, touched, summary);
        throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return summary;
  }
  // Applied in batches, each its own transaction, so ingestion never waits long for the write lock.
  for (let start = 0; start < rows.length; start += batchSize) {
    await writeBatch(async (session) => {
      const recommended: bigint[] = [];
      for (const row of rows.slice(start, start + batchSize)) await reprocessOne(session, row, summary, touched, now, recommended);
      // The worklist's tasks follow the re-applied recommendations (lib/tasks/reconcile.ts), once per batch.
      await reconcileTasks(session, recommended, now);
    });
  }
  await writeBatch((session) => finishStatusChanges(session, touched, summary));
  return summary;
}
