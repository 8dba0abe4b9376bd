// The webhook receiver's writer: deliveries go through group commit (../db-group-commit.ts), so
// one transaction (and one fsync on SQLite) serves many requests, and each request is answered
// only after its own rows are committed.
import "server-only";
import { databaseKind, type WriteSession } from "../db";
import { groupCommit } from "../db-group-commit";
import { log } from "../observability/log";
import { metrics } from "../observability/metrics";
import { insertNewShapes, shapesCommitted, type ObservedShapes } from "../drift/record";
import { reconcileTasks } from "../tasks/reconcile";
import type { IngestEvent } from "./to-rows";
import { applyEvent, insertDelivery, type DeliveryRecord } from "./store";
import { storeBatch } from "./store-batch";

export type CommitResult = { deliveryId: number; outcome: DeliveryRecord["outcome"] };

type Job = { record: DeliveryRecord; event: IngestEvent | null; shapes: ObservedShapes | null };

// Load shedding: deliveries waiting or being committed are bounded by count and by bytes, so a
// burst (or a slow database) costs bounded memory. Past either bound a delivery is not queued:
// the sender is answered 503 with Retry-After and retries it (Altibbi does).
export const maxPendingDeliveries = 2_000;
export const maxPendingBytes = 32 * 1024 * 1024;
/** What a 503 tells the sender to wait before retrying. */
export const shedRetryAfterSeconds = 5;
// The bounds hold for the whole process (on globalThis: Next.js bundles routes separately), and
// GET /api/ready reads them: an instance shedding load says it is not ready.
type Pending = { count: number; bytes: number; shedUntil: number };
const pending: Pending = ((globalThis as unknown as { careDeskIngestPending?: Pending }).careDeskIngestPending ??= { count: 0, bytes: 0, shedUntil: 0 });

/** Deliveries waiting to be committed or being committed in this process. */
export const ingestQueueDepth = (): number => pending.count;

/** Whether this process is turning deliveries away (now, or within the last Retry-After). */
export const isSheddingLoad = (): boolean => pending.count >= maxPendingDeliveries || Date.now() < pending.shedUntil;

/** Thrown by commitDelivery when the queue is full; nothing was stored. */
export class IngestQueueFullError extends Error {
  constructor() {
    super("the ingestion queue is full");
  }
}

/** A delivery's weight in the queue: its body and a little for the rest. */
const weightOf = (record: DeliveryRecord) => (record.rawBody?.length ?? 0) + record.headers.length + 1024;

// A redelivery: its dedup key is already stored. Recorded as having come; nothing else changes.
const duplicateOf = (record: DeliveryRecord): DeliveryRecord => ({ ...record, outcome: "duplicate", dedupKey: null, errorDetail: `already received (${record.dedupKey})` });

/**
 * SQLite: statement by statement (no network round trip there), in three waves over the whole
 * batch rather than job after job: every delivery (in order, so a dedup key repeated within the
 * batch finds its first), then the events, new payload shapes and duplicate records, then each
 * new recommendation's children and current-version pointer. Each wave is issued without
 * waiting in between and reaches the writer thread as one message (lib/db-writer.ts). The rules
 * do not depend on the order of events, and within each wave the jobs keep their order, so the
 * result is the one job after job would give.
 */
async function commitEach(tx: WriteSession, jobs: Job[], now: Date): Promise<CommitResult[]> {
  const stored = await Promise.all(jobs.map((job) => insertDelivery(tx, job.record)));
  return Promise.all(
    jobs.map(async (job, i): Promise<CommitResult> => {
      const deliveryId = stored[i]!;
      if (deliveryId === null) return { deliveryId: (await insertDelivery(tx, duplicateOf(job.record))) ?? 0, outcome: "duplicate" };
      // Payload drift: key paths, statuses and types first seen in this body (lib/drift).
      await Promise.all([job.event ? applyEvent(tx, job.event, now, deliveryId) : null, insertNewShapes(tx, job.shapes, deliveryId)]);
      return { deliveryId, outcome: job.record.outcome };
    }),
  );
}

// PostgreSQL: the whole batch in one statement (./store-batch.ts), since there every statement is
// a round trip.
async function applyJobs(tx: WriteSession, jobs: Job[], now: Date): Promise<CommitResult[]> {
  if (databaseKind === "postgresql") {
    const stored = await storeBatch(tx, jobs, now);
    return stored.map(({ deliveryId, duplicate }, i) => ({ deliveryId, outcome: duplicate ? "duplicate" : jobs[i]!.record.outcome }));
  }
  return commitEach(tx, jobs, now);
}

const committer = groupCommit<Job, CommitResult>({
  maxBatch: 64,
  commit: async (tx, jobs) => {
    const now = new Date();
    const results = await applyJobs(tx, jobs, now);
    // Here every delivery and event of the batch is applied, in this same transaction (which
    // commits when commit returns): work that must see them all, and commit with them, goes here.
    // The worklist's tasks follow the current recommendations, once per batch (lib/tasks/reconcile.ts).
    const recommended = jobs.flatMap((job, i) => (results[i]!.outcome === "processed" && job.event?.kind === "recommendation" ? [job.event.consultationId] : []));
    if (recommended.length > 0) await reconcileTasks(tx, recommended, now);
    return results;
  },
  onCommitted: (batchSize, durationMs, queued) => {
    metrics.batchSize.observe(batchSize);
    log.debug({ batchSize, durationMs: Math.round(durationMs), queued }, "ingest batch committed");
  },
  onBatchFailed: (batchSize, err) => log.warn({ batchSize, err }, "ingest batch failed: committing its deliveries one by one"),
});

function observeCommitted(record: DeliveryRecord, result: CommitResult): void {
  metrics.ingestSeconds.observe((Date.now() - record.receivedAt.getTime()) / 1000);
  if (result.outcome === "processed") metrics.lastProcessedAt = Math.max(metrics.lastProcessedAt ?? 0, record.receivedAt.getTime());
}

/**
 * Stores a delivery (and its event, if any, and the payload shapes it carried first); resolves
 * once committed. Rejects with IngestQueueFullError when the queue is full.
 */
export function commitDelivery(record: DeliveryRecord, event: IngestEvent | null, shapes: ObservedShapes | null = null): Promise<CommitResult> {
  const weight = weightOf(record);
  if (pending.count + 1 > maxPendingDeliveries || pending.bytes + weight > maxPendingBytes) {
    pending.shedUntil = Date.now() + shedRetryAfterSeconds * 1000;
    return Promise.reject(new IngestQueueFullError());
  }
  pending.count++;
  pending.bytes += weight;
  const settled = () => {
    pending.count--;
    pending.bytes -= weight;
  };
  return committer.submit({ record, event, shapes }).then(
    (result) => (settled(), observeCommitted(record, result), shapesCommitted(shapes, result.outcome === "duplicate"), result),
    (error: unknown) => {
      settled();
      throw error;
    },
  );
}
