// Retention: what the inbox keeps, and for how long (CARE_DESK_RETENTION_*; docs/operations.md).
// Each kind is applied in bounded batches: the candidate ids are read on the read connection
// (no write lock held while searching), then one short write transaction changes at most
// `batchSize` rows, then the job pauses, so on SQLite the ingestion writer (which shares the
// one write lock) gets its turn between batches however much there is to purge.
import "server-only";
import { readDb, writeBatch } from "../db";
import { retentionDays } from "../env";

export type RetentionKind = keyof typeof retentionDays;

export type RetentionOptions = {
  now?: Date;
  /** Rows per write transaction. */
  batchSize?: number;
  /** Pause between batches (ms). */
  pauseMs?: number;
  /** Days to keep, instead of the configured value (tests). */
  days?: number;
  /** Called after each committed batch with its row count (the job runner's progress). */
  onBatch?: (rows: number) => Promise<void> | void;
};

const dayMs = 86_400_000;
const defaultBatchSize = 500;
const defaultPauseMs = 20;

type Candidates = (cutoff: Date, afterId: number, take: number) => Promise<number[]>;

/** Which rows each kind concerns, read through Prisma (portable), oldest id first. */
const candidates: Record<RetentionKind, Candidates> = {
  // Processed and duplicate deliveries lose their raw body; the row (and the consultation data
  // projected from it) stays, marked with when the body was removed.
  processedBodies: async (cutoff, afterId, take) =>
    ids(await (await readDb()).webhookDelivery.findMany({
      where: { id: { gt: afterId }, outcome: { in: ["processed", "duplicate"] }, rawBody: { not: null }, receivedAt: { lt: cutoff } },
      orderBy: { id: "asc" },
      take,
      select: { id: true },
    })),
  // An authenticated sender's refused deliveries (400, 413, …) go whole.
  refused: async (cutoff, afterId, take) =>
    ids(await (await readDb()).webhookDelivery.findMany({
      where: { id: { gt: afterId }, outcome: "rejected", unauthenticated: false, receivedAt: { lt: cutoff } },
      orderBy: { id: "asc" },
      take,
      select: { id: true },
    })),
  // The sampled records of unauthenticated requests go whole (they never had a body).
  unauthenticated: async (cutoff, afterId, take) =>
    ids(await (await readDb()).webhookDelivery.findMany({
      where: { id: { gt: afterId }, OR: [{ unauthenticated: true }, { outcome: "unauthorized" }], receivedAt: { lt: cutoff } },
      orderBy: { id: "asc" },
      take,
      select: { id: true },
    })),
};

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/** The write for one batch; its WHERE repeats the condition, so a row that changed since it was read is left alone. */
function applyBatch(kind: RetentionKind, batch: number[], cutoff: Date, now: Date): Promise<number> {
  return writeBatch((session) => {
    const inList = `"id" IN (${placeholders(batch.length)})`;
    if (kind === "processedBodies") {
      return session.run(
        `UPDATE "WebhookDelivery" SET "rawBody" = NULL, "rawBodyPurgedAt" = ?
         WHERE ${inList} AND "outcome" IN ('processed', 'duplicate') AND "rawBody" IS NOT NULL AND "receivedAt" < ?`,
        [now, ...batch, cutoff],
      );
    }
    if (kind === "refused") {
      return session.run(`DELETE FROM "WebhookDelivery" WHERE ${inList} AND "outcome" = 'rejected' AND "unauthenticated" = ? AND "receivedAt" < ?`, [...batch, 0, cutoff]);
    }
    return session.run(
      `DELETE FROM "WebhookDelivery" WHERE ${inList} AND ("unauthenticated" = ? OR "outcome" = 'unauthorized') AND "receivedAt" < ?`,
      [...batch, 1, cutoff],
    );
  });
}

/** Applies one kind's retention; the number of rows changed (bodies removed, or rows deleted). */
export async function applyRetention(kind: RetentionKind, options: RetentionOptions = {}): Promise<number> {
  const days = options.days ?? retentionDays[kind];
  if (days === 0) return 0; // kept forever
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - days * dayMs);
  const batchSize = options.batchSize ?? defaultBatchSize;
  const pauseMs = options.pauseMs ?? defaultPauseMs;
  let afterId = 0;
  let total = 0;
  for (;;) {
    const batch = await candidates[kind](cutoff, afterId, batchSize);
    if (batch.length === 0) return total;
    const changed = await applyBatch(kind, batch, cutoff, now);
    total += changed;
    afterId = batch[batch.length - 1]!;
    await options.onBatch?.(changed);
    if (batch.length < batchSize) return total;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
