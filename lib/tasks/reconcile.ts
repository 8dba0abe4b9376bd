// The worklist's tasks follow the consultations' current recommendations (docs/worklist.md).
// Derived from state, not from events: for each consultation, the items of the version that
// Consultation.recommendationId points at are the tasks that should be live. Missing ones are
// inserted, live ones no longer there are marked withdrawn, withdrawn ones back in the current
// version are live again; a task's own state (open, done, dismissed, assignee, notes) is never
// touched. Running it again, in any order, after any redelivery, changes nothing.
// A few set-based statements in the SQL that SQLite and PostgreSQL share (`?` placeholders),
// inside the caller's transaction (ingestion's group commit, reprocessing, the backfill).
import "server-only";
import type { WriteSession } from "../db";
import type { SqlParam } from "../db-writer";
import { env } from "../env";
import { desiredTasks, dueAfter, type TaskKind } from "./items";

export { desiredTasks, normaliseItemText, taskKinds, type DesiredTask, type TaskKind } from "./items";

export const dueDays: Record<TaskKind, number> = { follow_up: env.CARE_DESK_FOLLOW_UP_DUE_DAYS, referral: env.CARE_DESK_REFERRAL_DUE_DAYS };

/** A new task's default due date: its recommendation's event time plus the kind's configured days. */
export const defaultDueAt = (kind: TaskKind, eventTime: Date): Date => dueAfter(eventTime, dueDays[kind]);

/** Microseconds since the epoch as a Date, rounded down (also before 1970). */
const microsToDate = (micros: bigint): Date => new Date(Number(micros / 1000n - (micros % 1000n < 0n ? 1n : 0n)));

export type ReconcileResult = { inserted: number; withdrawn: number; restored: number };

const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");
/**
 * An IN list padded (with its last value again) to 1, 4, 16, 64 or 256 entries (longer ones as they are), so the
 * statement texts (prepared and cached per text on PostgreSQL) stay few.
 */
const padded = (count: number) => [1, 4, 16, 64, 256].find((n) => n >= count) ?? count;
function inList<T extends SqlParam>(values: T[]): { sql: string; params: T[] } {
  const size = padded(values.length);
  const params = [...values, ...Array.from({ length: size - values.length }, () => values[values.length - 1]!)];
  return { sql: `(${placeholders(size)})`, params };
}
// Bounded statement sizes: SQLite and PostgreSQL both take far more parameters than this.
const chunk = <T,>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

type ItemRow = { consultationId: bigint | number | string; recommendationId: number | bigint; eventUs: bigint | number | string; referralName: string | null; position: number | null; name: string | null };
type TaskRow = { id: number | bigint; consultationId: bigint | number | string; kind: string; itemKey: string; withdrawnAt: unknown };

const insertColumns = ["consultationId", "kind", "itemKey", "title", "state", "dueAt", "version", "createdAt", "updatedAt", "recommendationId"] as const;

/**
 * Brings the tasks of `consultationIds` in line with their current recommendations. Call it
 * once per transaction, after the recommendations are stored, with every consultation whose
 * recommendation may have changed.
 */
export async function reconcileTasks(session: WriteSession, consultationIds: bigint[], now: Date): Promise<ReconcileResult> {
  const result: ReconcileResult = { inserted: 0, withdrawn: 0, restored: 0 };
  const ids = [...new Set(consultationIds.map(String))].map(BigInt);
  for (const part of chunk(ids, 256)) {
    const items = await session.all<ItemRow>(
      `SELECT c."id" AS "consultationId", r."id" AS "recommendationId", r."eventUs" AS "eventUs", r."referralName" AS "referralName",
              f."position" AS "position", f."name" AS "name"
         FROM "Consultation" c
         JOIN "Recommendation" r ON r."id" = c."recommendationId"
         LEFT JOIN "RecommendationFollowUp" f ON f."recommendationId" = r."id"
        WHERE c."id" IN ${inList(part).sql}
        ORDER BY c."id", f."position"`,
      inList(part).params,
    );
    type Current = { recommendationId: number; eventTime: Date; referralName: string | null; followUps: (string | null)[] };
    const current = new Map<string, Current>();
    for (const row of items) {
      const key = String(row.consultationId);
      let entry = current.get(key);
      if (!entry) {
        entry = { recommendationId: Number(row.recommendationId), eventTime: microsToDate(BigInt(row.eventUs)), referralName: row.referralName, followUps: [] };
        current.set(key, entry);
      }
      if (row.position !== null) entry.followUps.push(row.name);
    }

    const wanted = new Set<string>();
    const inserts: SqlParam[][] = [];
    for (const [key, entry] of current) {
      for (const task of desiredTasks(entry.followUps, entry.referralName)) {
        wanted.add(`${key} ${task.kind} ${task.itemKey}`);
        inserts.push([BigInt(key), task.kind, task.itemKey, task.title, "open", defaultDueAt(task.kind, entry.eventTime), 1, now, now, entry.recommendationId]);
      }
    }
    const tuple = `(${placeholders(insertColumns.length)})`;
    for (const rows of chunk(inserts, 256)) {
      // Padded like the IN lists (a repeated row is a conflict, so it inserts nothing).
      const size = padded(rows.length);
      const values = [...rows, ...Array.from({ length: size - rows.length }, () => rows[rows.length - 1]!)];
      result.inserted += await session.run(
        `INSERT INTO "Task" (${insertColumns.map((column) => `"${column}"`).join(", ")}) VALUES ${values.map(() => tuple).join(", ")}
         ON CONFLICT ("consultationId", "kind", "itemKey") DO NOTHING`,
        values.flat(),
      );
    }

    // The consultations' tasks as they stand now: which are live but no longer wanted, and which are withdrawn but wanted again.
    const existing = await session.all<TaskRow>(
      `SELECT "id", "consultationId", "kind", "itemKey", "withdrawnAt" FROM "Task" WHERE "consultationId" IN ${inList(part).sql}`,
      inList(part).params,
    );
    const withdraw: number[] = [];
    const restore: number[] = [];
    for (const task of existing) {
      const isWanted = wanted.has(`${String(task.consultationId)} ${task.kind} ${task.itemKey}`);
      const isWithdrawn = task.withdrawnAt !== null && task.withdrawnAt !== undefined;
      if (!isWanted && !isWithdrawn) withdraw.push(Number(task.id));
      if (isWanted && isWithdrawn) restore.push(Number(task.id));
    }
    for (const taskIds of chunk(withdraw, 256)) {
      result.withdrawn += await session.run(
        `UPDATE "Task" SET "withdrawnAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" IN ${inList(taskIds).sql} AND "withdrawnAt" IS NULL`,
        [now, now, ...inList(taskIds).params],
      );
    }
    for (const taskIds of chunk(restore, 256)) {
      result.restored += await session.run(
        `UPDATE "Task" SET "withdrawnAt" = NULL, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" IN ${inList(taskIds).sql} AND "withdrawnAt" IS NOT NULL`,
        [now, ...inList(taskIds).params],
      );
    }
  }
  return result;
}
