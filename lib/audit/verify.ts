// Walks the chain from its anchor to its head and says whether every row is as it was appended:
// each row's hash must be SHA-256(prevHash ‖ canonical JSON) of what is stored, each prevHash the
// hash before it, the seqs gapless, and the head's seq and hash those of the last row. The result
// is kept (AuditVerification) for the /audit page. npm run audit:verify runs it from the shell.
import "server-only";
import { readDb, writeTransaction } from "../db";
import { sealPendingAuditRows } from "./append";
import { hashRow } from "./hash";

export type VerificationTrigger = "cli" | "page" | "job";

export type VerificationResult = {
  outcome: "intact" | "broken";
  /** Events walked (those kept since the anchor). */
  events: number;
  /** The first row that does not verify (or the first missing seq). */
  firstBadSeq: bigint | null;
  message: string;
};

const pageSize = 1000;

async function walk(): Promise<VerificationResult> {
  await sealPendingAuditRows();
  const db = await readDb();
  const head = await db.auditChainHead.findUnique({ where: { id: 1 } });
  if (!head) return { outcome: "broken", events: 0, firstBadSeq: null, message: "The chain head (AuditChainHead 1) is missing." };
  let expected = head.anchorSeq + 1n;
  let prev = head.anchorHash;
  let events = 0;
  const broken = (seq: bigint, message: string): VerificationResult => ({ outcome: "broken", events, firstBadSeq: seq, message });
  while (expected <= head.seq) {
    const rows = await db.auditEvent.findMany({ where: { seq: { gte: expected, lte: head.seq } }, orderBy: { seq: "asc" }, take: pageSize });
    if (rows.length === 0) return broken(expected, `Event ${expected} is missing (deleted): the chain ends at ${expected - 1n}, its head says ${head.seq}.`);
    for (const row of rows) {
      if (row.seq !== expected) return broken(expected, `Event ${expected} is missing (deleted): the next stored event is ${row.seq}.`);
      if (row.prevHash !== prev) return broken(row.seq, `Event ${row.seq} does not follow the event before it (a row was deleted or inserted before it).`);
      if (hashRow(prev, row) !== row.hash) return broken(row.seq, `Event ${row.seq} was changed after it was recorded (its hash does not match its content).`);
      prev = row.hash;
      expected += 1n;
      events += 1;
    }
  }
  if (prev !== head.hash) return broken(head.seq, `The chain head's hash does not match event ${head.seq}.`);
  // Rows after the head no append wrote: the head is read after the rows, so a concurrent append
  // has moved it past any row it committed.
  const last = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const headNow = await db.auditChainHead.findUnique({ where: { id: 1 }, select: { seq: true } });
  if (last && headNow && last.seq > headNow.seq) return broken(headNow.seq + 1n, `Event ${headNow.seq + 1n} was inserted after the chain head (no append wrote it).`);
  const early = await db.auditEvent.findFirst({ where: { seq: { lte: head.anchorSeq } }, orderBy: { seq: "asc" }, select: { seq: true } });
  if (early) return broken(early.seq, `Event ${early.seq} is before the anchor (${head.anchorSeq}): it should have been purged, or was inserted.`);
  return { outcome: "intact", events, firstBadSeq: null, message: `${events} events verified${head.anchorSeq > 0n ? ` (from the anchor at ${head.anchorSeq})` : ""}.` };
}

/** Verifies the whole chain and records the result (what /audit shows as the last verification). */
export async function verifyAuditChain(trigger: VerificationTrigger = "job"): Promise<VerificationResult> {
  const result = await walk();
  await writeTransaction((tx) =>
    tx.auditVerification.create({
      data: { outcome: result.outcome, events: result.events, firstBadSeq: result.firstBadSeq, message: result.message, trigger },
    }),
  );
  return result;
}
