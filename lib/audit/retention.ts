// Retention: events older than CARE_DESK_AUDIT_RETENTION_DAYS (default 6 years) are deleted from
// the start of the chain, in bounded batches, and the anchor on the chain head moves to where the
// kept chain starts (its first seq − 1 and that row's prevHash), so verification starts there.
// Each purge is itself an audit event (audit.purged) in the chain.
import "server-only";
import { env } from "../env";
import { writeBatch } from "../db";
import { parseStoredTime } from "./append";
import { recordAudit, noRequestContext } from "./record";

const batchSize = 1000;

export type PurgeResult = { purged: number; anchorSeq: number };

/**
 * Deletes the events recorded before `now` − the retention period (a prefix of the chain, since
 * seq follows time), at most `maxBatches` × 1,000 per call. A daily job calls it.
 */
export async function purgeExpiredAuditEvents(now: Date = new Date(), { retentionDays = env.CARE_DESK_AUDIT_RETENTION_DAYS, maxBatches = 50 } = {}): Promise<PurgeResult> {
  const before = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  let purged = 0;
  let anchorSeq = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const done = await writeBatch(async (tx) => {
      // The head's row lock first: appends wait, and the anchor moves with the deletion.
      const head = await tx.get<{ seq: unknown; hash: string; anchorSeq: unknown }>(`UPDATE "AuditChainHead" SET "seq" = "seq" WHERE "id" = 1 RETURNING "seq", "hash", "anchorSeq"`, []);
      if (!head || head.hash === "") return { deleted: 0, anchor: 0n };
      // The chain's start, in seq order: the expired prefix of it (an event with an old time after
      // a newer one — a clock set back — ends the prefix, so the chain is only ever cut at its start).
      const rows = await tx.all<{ seq: unknown; at: unknown }>(`SELECT "seq", CAST("at" AS TEXT) AS "at" FROM "AuditEvent" WHERE "seq" > ? ORDER BY "seq" LIMIT ${batchSize}`, [
        BigInt(String(head.anchorSeq)),
      ]);
      const headSeq = BigInt(String(head.seq));
      let last: bigint | null = null;
      for (const row of rows) {
        const seq = BigInt(String(row.seq));
        // Never the head's own row: the kept chain always has at least one event.
        if (seq >= headSeq || parseStoredTime(String(row.at)) >= before) break;
        last = seq;
      }
      if (last === null) return { deleted: 0, anchor: BigInt(String(head.anchorSeq)) };
      const next = await tx.get<{ prevHash: string }>(`SELECT "prevHash" FROM "AuditEvent" WHERE "seq" = ?`, [last + 1n]);
      if (!next) throw new Error(`audit purge: event ${last + 1n} is missing; verify the chain before purging`);
      const deleted = await tx.run(`DELETE FROM "AuditEvent" WHERE "seq" <= ?`, [last]);
      await tx.run(`UPDATE "AuditChainHead" SET "anchorSeq" = ?, "anchorHash" = ?, "anchorAt" = ?, "purged" = "purged" + ? WHERE "id" = 1`, [last, next.prevHash, now, deleted]);
      return { deleted, anchor: last };
    });
    purged += done.deleted;
    anchorSeq = Number(done.anchor);
    if (done.deleted < batchSize) break;
  }
  if (purged > 0) {
    await recordAudit({ kind: "system", label: "retention" }, noRequestContext, {
      action: "audit.purged",
      detail: { purged, before: before.toISOString(), anchorSeq },
    });
  }
  return { purged, anchorSeq };
}
