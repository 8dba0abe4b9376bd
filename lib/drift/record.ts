// Payload drift on the hot path: every key path, status and type of an authenticated body is
// compared against an in-memory set of what this database has already recorded (loaded once per
// process). Only what is new is written, inside the delivery's own transaction (lib/webhooks/
// ingest.ts), so the first delivery that carried it is exact. Counts and last-seen times of shapes
// already known are added up in memory and written at most once a minute per instance, in one
// small transaction (flushShapeCounts): a busy feed then costs one UPDATE per shape per minute
// instead of one per shape per delivery. The price: after a crash, up to a minute of counts is
// lost, and another instance's counts show up to a minute late. First-seen is never lost.
import "server-only";
import { readDb, writeBatch, type WriteSession } from "../db";
import { shapeId, shapesOf, type Shape } from "./contract";

type Pending = { count: number; lastSeen: Date; shape: Shape };
type State = { known: Set<string>; loading: Promise<void> | null; loaded: boolean; pending: Map<string, Pending>; lastFlush: number; flushing: Promise<number> | null };

const flushEveryMs = 60_000;
const holder = globalThis as unknown as { careDeskShapes?: State };
const state = (): State => (holder.careDeskShapes ??= { known: new Set(), loading: null, loaded: false, pending: new Map(), lastFlush: Date.now(), flushing: null });

async function load(current: State): Promise<void> {
  const db = await readDb();
  const rows = await db.payloadShape.findMany({ select: { kind: true, value: true } });
  for (const row of rows) current.known.add(`${row.kind}:${row.value}`);
  current.loaded = true;
}

/** Loads the set of recorded shapes (once per process); observeShapes starts it by itself. */
export function loadKnownShapes(): Promise<void> {
  const current = state();
  current.loading ??= load(current).catch((error) => {
    current.loading = null;
    console.error("payload drift: could not load the recorded shapes", error);
  });
  return current.loading;
}

/** The shapes of one body: those this process has not seen recorded, and the others. */
export type ObservedShapes = { fresh: Shape[]; known: Shape[]; receivedAt: Date };

/**
 * Sorts the shapes of one authenticated body into new (to be inserted with the delivery) and
 * known (to be counted once the delivery is committed). Until the set is loaded every shape is
 * treated as new; the insert is idempotent, so that costs a few rows' work, never a wrong row.
 */
export function observeShapes(body: Record<string, unknown>, receivedAt: Date): ObservedShapes {
  const current = state();
  if (!current.loaded) void loadKnownShapes();
  const observed: ObservedShapes = { fresh: [], known: [], receivedAt };
  for (const shape of shapesOf(body)) (current.known.has(shapeId(shape)) ? observed.known : observed.fresh).push(shape);
  return observed;
}

/**
 * After the delivery committed: its new shapes are recorded now, and the known ones count for it
 * (a duplicate, a redelivery of a body already counted, counts nothing).
 */
export function shapesCommitted(observed: ObservedShapes | null, duplicate: boolean): void {
  if (!observed) return;
  const current = state();
  for (const shape of observed.fresh) current.known.add(shapeId(shape));
  if (duplicate) return;
  for (const shape of observed.known) {
    const id = shapeId(shape);
    const pending = current.pending.get(id);
    if (pending) {
      pending.count++;
      if (pending.lastSeen < observed.receivedAt) pending.lastSeen = observed.receivedAt;
    } else {
      current.pending.set(id, { count: 1, lastSeen: observed.receivedAt, shape });
    }
  }
  if (Date.now() - current.lastFlush >= flushEveryMs && !current.flushing) {
    void flushShapeCounts().catch((error) => console.error("payload drift: could not write the counts", error));
  }
}

// First sight wins the row (first-seen time and delivery); a concurrent first sight on another
// instance, or one from before this process loaded its set, only counts.
const insertShapeSql = `
  INSERT INTO "PayloadShape" ("kind", "value", "firstSeenAt", "lastSeenAt", "count", "firstDeliveryId")
  VALUES (?, ?, ?, ?, 1, ?)
  ON CONFLICT ("kind", "value") DO UPDATE SET "count" = "PayloadShape"."count" + 1,
    "lastSeenAt" = CASE WHEN "PayloadShape"."lastSeenAt" < excluded."lastSeenAt" THEN excluded."lastSeenAt" ELSE "PayloadShape"."lastSeenAt" END`;

/** Inside the delivery's transaction: records the shapes this process had not seen. */
export async function insertNewShapes(session: WriteSession, observed: ObservedShapes | null, deliveryId: number): Promise<void> {
  await Promise.all((observed?.fresh ?? []).map((shape) => session.run(insertShapeSql, [shape.kind, shape.value, observed!.receivedAt, observed!.receivedAt, deliveryId])));
}

const addCountSql = `
  UPDATE "PayloadShape" SET "count" = "count" + ?,
    "lastSeenAt" = CASE WHEN "lastSeenAt" < ? THEN ? ELSE "lastSeenAt" END
  WHERE "kind" = ? AND "value" = ?`;

/** Writes the counts and last-seen times gathered since the last flush; returns how many shapes it updated. */
export function flushShapeCounts(): Promise<number> {
  const current = state();
  current.flushing ??= (async () => {
    const batch = [...current.pending.values()];
    current.pending = new Map();
    current.lastFlush = Date.now();
    try {
      if (batch.length === 0) return 0;
      await writeBatch(async (session) => {
        for (const { count, lastSeen, shape } of batch) await session.run(addCountSql, [count, lastSeen, lastSeen, shape.kind, shape.value]);
      });
      return batch.length;
    } catch (error) {
      // Put them back: the next flush tries again.
      for (const entry of batch) {
        const id = shapeId(entry.shape);
        const later = current.pending.get(id);
        if (later) {
          later.count += entry.count;
          if (later.lastSeen < entry.lastSeen) later.lastSeen = entry.lastSeen;
        } else current.pending.set(id, entry);
      }
      throw error;
    } finally {
      current.flushing = null;
    }
  })();
  return current.flushing;
}

/**
 * Flushes this instance's pending counts every minute even while no delivery arrives (each
 * instance holds its own, so this is a timer per instance, not a leased job). Started by
 * instrumentation.ts with the background jobs; never keeps the process alive.
 */
export function startFlushingShapeCounts(onError: (error: unknown) => void): void {
  const current = state() as State & { timer?: NodeJS.Timeout };
  if (current.timer) return;
  current.timer = setInterval(() => {
    if (current.pending.size > 0) flushShapeCounts().catch(onError);
  }, flushEveryMs);
  current.timer.unref();
}
