// The audit trail's writer: group commit (../db-group-commit.ts), as the webhook receiver's, so a
// page view costs a share of one commit; each caller is answered only once its row is committed.
//
// The chain is serialised by its one-row head (AuditChainHead, id 1): each transaction first
// updates that row (taking its row lock on PostgreSQL, the database write lock on SQLite), reads
// the last seq and hash, appends its rows after them, and writes the new head before committing.
// A second transaction, from this process or any other instance, waits on that row until the
// first commits, then continues from its head: one chain, no forks, no gaps.
import "server-only";
import { writeBatch, type WriteSession } from "../db";
import { groupCommit } from "../db-group-commit";
import { hashRow, type AuditRowFields } from "./hash";

/** A row to append: everything but its place in the chain. */
export type PendingAuditRow = Omit<AuditRowFields, "seq">;

const maxPending = 5_000;

/** Thrown when the row could not be committed: the action it describes must not go ahead. */
export class AuditUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("the audit trail could not be written", { cause });
    this.name = "AuditUnavailableError";
  }
}

const toBigInt = (value: unknown): bigint => BigInt(String(value));

const lockHeadSql = `UPDATE "AuditChainHead" SET "seq" = "seq" WHERE "id" = 1 RETURNING "seq", "hash"`;
const writeHeadSql = `UPDATE "AuditChainHead" SET "seq" = ?, "hash" = ? WHERE "id" = 1`;
const insertSql = `
  INSERT INTO "AuditEvent" ("seq", "at", "actorKind", "actorId", "actorLabel", "role", "ip", "userAgent", "action", "outcome",
    "consultationId", "recommendationId", "deliveryId", "subjectUserId", "subjectTokenId", "detail", "prevHash", "hash")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

type StoredRow = Omit<AuditRowFields, "seq" | "at" | "consultationId"> & { seq: unknown; at: unknown; consultationId: unknown };

/**
 * A time read as text: SQLite's stored ISO text (with +00:00, or CURRENT_TIMESTAMP's bare
 * "YYYY-MM-DD HH:MM:SS"), PostgreSQL's timestamp(3) cast to text (UTC, no zone).
 */
export function parseStoredTime(text: string): Date {
  const iso = text.includes("T") ? text : text.replace(" ", "T");
  return new Date(/([zZ]|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
}

/** A row as read back with plain SQL (either driver) in the types the hash is computed on. */
export function fromStoredRow(row: StoredRow): AuditRowFields {
  const at = row.at instanceof Date ? row.at : parseStoredTime(String(row.at));
  return {
    ...row,
    seq: toBigInt(row.seq),
    at,
    consultationId: row.consultationId === null ? null : toBigInt(row.consultationId),
    recommendationId: row.recommendationId === null ? null : Number(row.recommendationId),
    deliveryId: row.deliveryId === null ? null : Number(row.deliveryId),
  };
}

const selectColumns = `"seq", CAST("at" AS TEXT) AS "at", "actorKind", "actorId", "actorLabel", "role", "ip", "userAgent", "action", "outcome",
  "consultationId", "recommendationId", "deliveryId", "subjectUserId", "subjectTokenId", "detail"`;

/**
 * Print views carried over by the audit_trail migration have no hashes yet (the head's hash is
 * ''): chain them in seq order, from the genesis hash, inside the caller's transaction.
 */
async function sealImported(tx: WriteSession, headSeq: bigint, anchorHash: string): Promise<string> {
  let prev = anchorHash;
  const pageSize = 500;
  for (let from = 0n; from < headSeq; from += BigInt(pageSize)) {
    const rows = await tx.all<StoredRow>(`SELECT ${selectColumns} FROM "AuditEvent" WHERE "seq" > ? AND "seq" <= ? ORDER BY "seq"`, [from, from + BigInt(pageSize)]);
    for (const stored of rows) {
      const row = fromStoredRow(stored);
      const hash = hashRow(prev, row);
      await tx.run(`UPDATE "AuditEvent" SET "prevHash" = ?, "hash" = ? WHERE "seq" = ?`, [prev, hash, row.seq]);
      prev = hash;
    }
  }
  return prev;
}

/** Appends rows after the chain head, in one transaction; their seqs, in order. */
async function appendRows(tx: WriteSession, rows: PendingAuditRow[]): Promise<bigint[]> {
  const head = await tx.get<{ seq: unknown; hash: string }>(lockHeadSql, []);
  if (!head) throw new Error("the audit chain head (AuditChainHead id 1) is missing: run the migrations");
  let seq = toBigInt(head.seq);
  let prev = head.hash;
  if (prev === "") {
    const anchor = await tx.get<{ anchorHash: string }>(`SELECT "anchorHash" FROM "AuditChainHead" WHERE "id" = 1`, []);
    prev = await sealImported(tx, seq, anchor!.anchorHash);
  }
  // Every row's hash needs only the one before it, so the inserts and the new head are issued
  // together: on SQLite they travel to the writer thread in one message, not one per row.
  const seqs: bigint[] = [];
  const writes: Promise<unknown>[] = [];
  for (const pending of rows) {
    seq += 1n;
    const row: AuditRowFields = { ...pending, seq };
    const hash = hashRow(prev, row);
    writes.push(
      tx.run(insertSql, [
        seq, row.at, row.actorKind, row.actorId, row.actorLabel, row.role, row.ip, row.userAgent, row.action, row.outcome,
        row.consultationId, row.recommendationId, row.deliveryId, row.subjectUserId, row.subjectTokenId, row.detail, prev, hash,
      ]),
    );
    seqs.push(seq);
    prev = hash;
  }
  writes.push(tx.run(writeHeadSql, [seq, prev]));
  await Promise.all(writes);
  return seqs;
}

const committer = groupCommit<PendingAuditRow, bigint>({ maxBatch: 128, commit: appendRows });

/** Appends one row to the chain; resolves with its seq once committed, rejects with AuditUnavailableError. */
export function appendAuditRow(row: PendingAuditRow): Promise<bigint> {
  if (committer.queued >= maxPending) return Promise.reject(new AuditUnavailableError(new Error("the audit queue is full")));
  return committer.submit(row).catch((error: unknown) => {
    throw error instanceof AuditUnavailableError ? error : new AuditUnavailableError(error);
  });
}

/** Seals carried-over rows, if any, without appending (verification runs it first). */
export async function sealPendingAuditRows(): Promise<void> {
  await writeBatch(async (tx) => {
    const head = await tx.get<{ hash: string }>(`SELECT "hash" FROM "AuditChainHead" WHERE "id" = 1`, []);
    if (head?.hash === "") await appendRows(tx, []);
  });
}
