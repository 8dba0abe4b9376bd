// "What changed since?" for the pages' live refresh, safe with several app instances on one
// database (nothing is kept in a process).
//
// Every ingestion bumps Consultation.updatedAt, but a transaction may commit a little after the
// time it wrote (a slow commit, another instance's clock running behind), so a row can appear
// with an updatedAt older than one a client has already seen. Each poll therefore re-reads an
// overlap window before the client's cursor, and the client ignores the (id, updatedAt) pairs it
// has seen: nothing committed within the window of its timestamp is missed.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb } from "../db";
import type { ConsultationChangesDto } from "../schemas/consultation";

export const overlapMs = 10_000;
export const maxChanges = 500;

/**
 * Where a feed asked without a cursor (a page's first read) starts, when its latest change is
 * older than the overlap by this server's clock: every row of that change's window has committed
 * long since (a commit later than the overlap is past what the window covers anyway), so there
 * is nothing to list, and the cursor goes just past the window. Otherwise null: the window is
 * read. (Before, a page opened after a burst of ingest carried the burst's last 500 rows, read
 * and sent on every load until the next change.)
 */
export function settledCursor(latest: Date, overlap: number, now = new Date()): string | null {
  return latest.getTime() < now.getTime() - overlap ? new Date(latest.getTime() + overlap + 1).toISOString() : null;
}

type ChangedRow = { id: number | bigint; updatedAt: Date };

/** How one feed reads its rows: the latest change's time, and the rows changed from a time on, newest first. */
export type ChangeReader = { latest(): Promise<Date | null>; window(from: Date, take: number): Promise<ChangedRow[]> };

/**
 * A live-refresh feed (consultations here, tasks in ./tasks.ts): changes at or after `since`
 * minus the overlap; when `since` is null, the latest change's window, or none if it has settled.
 */
export async function readChanges(since: Date | null, read: ChangeReader, overlap = overlapMs, max = maxChanges): Promise<ConsultationChangesDto> {
  let from = since;
  if (from === null) {
    const latest = await read.latest();
    if (!latest) return { cursor: null, changes: [], truncated: false };
    const settled = settledCursor(latest, overlap);
    if (settled) return { cursor: settled, changes: [], truncated: false };
    from = latest;
  }
  const rows = await read.window(new Date(from.getTime() - overlap), max + 1);
  const listed = rows.slice(0, max);
  const newest = listed[0]?.updatedAt;
  return {
    cursor: (newest && newest > from ? newest : from).toISOString(),
    changes: listed.map((row) => ({ id: Number(row.id), updatedAt: row.updatedAt.toISOString() })),
    truncated: rows.length > max,
  };
}

/** Consultations changed at or after `since` minus the overlap (readChanges), all or one. */
export async function getConsultationChanges(caller: Caller, since: Date | null, consultationId?: number): Promise<ConsultationChangesDto> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  const id = consultationId === undefined ? undefined : BigInt(consultationId);
  return readChanges(since, {
    latest: async () => (await db.consultation.findFirst({ where: { id }, orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }))?.updatedAt ?? null,
    window: (from, take) =>
      db.consultation.findMany({ where: { id, updatedAt: { gte: from } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take, select: { id: true, updatedAt: true } }),
  });
}
