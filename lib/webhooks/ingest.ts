// Group commit: deliveries that arrive while a transaction is being committed wait and are
// committed together in the next one. One transaction (and one fsync on SQLite) then serves
// many requests, and each request is answered only after its own rows are committed.
import "server-only";
import { writeBatch, type WriteSession } from "../db";
import { isRetryableWriteError } from "../db-writer";
import { log } from "../observability/log";
import { metrics } from "../observability/metrics";
import { insertNewShapes, shapesCommitted, type ObservedShapes } from "../drift/record";
import type { IngestEvent } from "./to-rows";
import { applyEvent, insertDelivery, type DeliveryRecord } from "./store";

export type CommitResult = { deliveryId: number; outcome: DeliveryRecord["outcome"] };

type Job = { record: DeliveryRecord; event: IngestEvent | null; shapes: ObservedShapes | null; resolve: (result: CommitResult) => void; reject: (error: unknown) => void };

const maxBatch = 64;
const queue: Job[] = [];
let draining = false;

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

async function commitOne(tx: WriteSession, job: Job, now: Date): Promise<CommitResult> {
  const deliveryId = await insertDelivery(tx, job.record);
  if (deliveryId !== null) {
    if (job.event) await applyEvent(tx, job.event, now, deliveryId);
    // Payload drift: key paths, statuses and types first seen in this body (lib/drift).
    await insertNewShapes(tx, job.shapes, deliveryId);
    return { deliveryId, outcome: job.record.outcome };
  }
  // Its dedup key is already stored: a redelivery. Record that it came, change nothing else.
  const duplicate: DeliveryRecord = { ...job.record, outcome: "duplicate", dedupKey: null, errorDetail: `already received (${job.record.dedupKey})` };
  return { deliveryId: (await insertDelivery(tx, duplicate)) ?? 0, outcome: "duplicate" };
}

// Another instance on the same PostgreSQL may lock the same rows in another order; the
// database then aborts one transaction, which is safe to retry (isRetryableWriteError).

async function commitBatch(jobs: Job[], attempts = 3): Promise<CommitResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatch(async (tx) => {
        const now = new Date();
        const results: CommitResult[] = [];
        for (const job of jobs) results.push(await commitOne(tx, job, now));
        return results;
      });
    } catch (error) {
      if (attempt >= attempts || !isRetryableWriteError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

async function drain(): Promise<void> {
  draining = true;
  try {
    // Let the event loop run first: requests already on the wire reach the queue and share
    // this commit. (The SQLite driver is synchronous, so without this pause every commit would
    // hold exactly the one request that started it.)
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const jobs = queue.splice(0, maxBatch);
      try {
        const started = performance.now();
        const results = await commitBatch(jobs);
        metrics.batchSize.observe(jobs.length);
        log.debug({ batchSize: jobs.length, durationMs: Math.round(performance.now() - started), queued: queue.length }, "ingest batch committed");
        jobs.forEach((job, i) => job.resolve(results[i]!));
      } catch (batchError) {
        log.warn({ batchSize: jobs.length, err: batchError }, "ingest batch failed: committing its deliveries one by one");
        if (jobs.length === 1) {
          jobs[0]!.reject(batchError);
          continue;
        }
        // One bad delivery (or a deadlock with another instance) must not fail the others:
        // retry each on its own, so each request gets its own honest answer.
        for (const job of jobs) {
          try {
            job.resolve((await commitBatch([job]))[0]!);
          } catch (error) {
            job.reject(error);
          }
        }
      }
    }
  } finally {
    draining = false;
  }
}

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
  return new Promise<CommitResult>((resolve, reject) => {
    queue.push({
      record,
      event,
      shapes,
      resolve: (result) => (settled(), observeCommitted(record, result), shapesCommitted(shapes, result.outcome === "duplicate"), resolve(result)),
      reject: (error) => (settled(), reject(error)),
    });
    if (!draining) void drain();
  });
}
