// Tasks for recommendations stored before the worklist existed (the "tasks" migration). The
// item keys are normalised in JavaScript (lib/tasks/reconcile.ts), which the migration's SQL
// cannot do the same way on both databases, so each instance runs this once at start
// (instrumentation.ts): in batches of consultations, each its own short write transaction, then
// the Setting "tasks.backfilled" marks it done. Reconciling is idempotent, so several instances
// starting together, or a start interrupted halfway, only repeat work that changes nothing.
import "server-only";
import { writeBatch } from "../db";
import { backfillSettingKey } from "./items";
import { reconcileTasks } from "./reconcile";
const batchSize = 500;

/** Reconciles every consultation that has a recommendation, unless that was done before; how many it went through. */
export async function backfillTasks(now = new Date()): Promise<{ consultations: number; skipped: boolean }> {
  const done = await writeBatch((session) => session.get(`SELECT "key" FROM "Setting" WHERE "key" = ?`, [backfillSettingKey]));
  if (done) return { consultations: 0, skipped: true };
  let after: bigint = 0n;
  let consultations = 0;
  for (;;) {
    const ids = await writeBatch(async (session) => {
      const rows = await session.all<{ id: bigint | number | string }>(
        `SELECT "id" FROM "Consultation" WHERE "id" > ? AND "recommendationId" IS NOT NULL ORDER BY "id" LIMIT ${batchSize}`,
        [after],
      );
      const batch = rows.map((row) => BigInt(row.id));
      await reconcileTasks(session, batch, now);
      return batch;
    });
    consultations += ids.length;
    if (ids.length < batchSize) break;
    after = ids[ids.length - 1]!;
  }
  await writeBatch((session) =>
    session.run(`INSERT INTO "Setting" ("key", "value", "createdAt") VALUES (?, ?, ?) ON CONFLICT ("key") DO NOTHING`, [backfillSettingKey, now.toISOString(), now]),
  );
  return { consultations, skipped: false };
}
