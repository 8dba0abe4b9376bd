// The audit trail's read side: the /audit page and its export (audit:read), the last chain
// verification, and a consultation's latest openings (the admin's "who opened this" panel).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb, type Prisma } from "../db";
import { auditPageSize, type AuditEventDto, type AuditListDto, type AuditListQuery, type AuditVerificationDto } from "../schemas/audit-query";

type Row = Prisma.AuditEventGetPayload<{ omit: { prevHash: true; hash: true } }>;

const toDto = (row: Row): AuditEventDto => ({
  ...row,
  seq: Number(row.seq),
  at: row.at.toISOString(),
  consultationId: row.consultationId === null ? null : Number(row.consultationId),
});

function whereOf(query: AuditListQuery): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (query.user) where.OR = [{ actorId: query.user }, { actorLabel: query.user.toLowerCase() }, { actorLabel: query.user }];
  if (query.consultationId !== undefined) where.consultationId = BigInt(query.consultationId);
  if (query.action) where.action = query.action;
  if (query.outcome) where.outcome = query.outcome;
  if (query.from || query.to) where.at = { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) };
  return where;
}

/** One page of events, newest first (keyset on seq). */
export async function listAuditEvents(caller: Caller, query: AuditListQuery, pageSize = auditPageSize): Promise<AuditListDto> {
  assertPermission(caller, "audit:read");
  const db = await readDb();
  const backward = query.before !== undefined;
  const rows = await db.auditEvent.findMany({
    where: {
      ...whereOf(query),
      ...(query.after !== undefined ? { seq: { lt: BigInt(query.after) } } : {}),
      ...(query.before !== undefined ? { seq: { gt: BigInt(query.before) } } : {}),
    },
    orderBy: { seq: backward ? "asc" : "desc" },
    take: pageSize + 1,
    omit: { prevHash: true, hash: true },
  });
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: page.map(toDto),
    page: {
      next: last && (backward || more) ? Number(last.seq) : null,
      prev: first && (backward ? more : query.after !== undefined) ? Number(first.seq) : null,
    },
  };
}

/** The events the filter matched when counted (seq ≤ `upTo`), newest first, in batches (the CSV export); at most `limit`. */
export async function* exportAuditEvents(caller: Caller, query: AuditListQuery, upTo: number, limit: number): AsyncGenerator<AuditEventDto[]> {
  assertPermission(caller, "audit:read");
  const db = await readDb();
  let below = BigInt(upTo) + 1n;
  let sent = 0;
  while (sent < limit) {
    const rows = await db.auditEvent.findMany({
      where: { ...whereOf({ ...query, after: undefined, before: undefined }), seq: { lt: below } },
      orderBy: { seq: "desc" },
      take: Math.min(1000, limit - sent),
      omit: { prevHash: true, hash: true },
    });
    if (rows.length === 0) return;
    sent += rows.length;
    below = rows[rows.length - 1]!.seq;
    yield rows.map(toDto);
  }
}

/** How many events the filter matches now, and the last seq they go up to (the export checks its limit first). */
export async function countAuditEvents(caller: Caller, query: AuditListQuery): Promise<{ rows: number; upTo: number }> {
  assertPermission(caller, "audit:read");
  const db = await readDb();
  const last = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const upTo = last ? Number(last.seq) : 0;
  const rows = await db.auditEvent.count({ where: { ...whereOf({ ...query, after: undefined, before: undefined }), seq: { lte: BigInt(upTo) } } });
  return { rows, upTo };
}

/** The latest verification of the chain, if any ran. */
export async function getLastAuditVerification(caller: Caller): Promise<AuditVerificationDto | null> {
  assertPermission(caller, "audit:read");
  const db = await readDb();
  const row = await db.auditVerification.findFirst({ orderBy: { id: "desc" } });
  if (!row) return null;
  return {
    at: row.at.toISOString(),
    outcome: row.outcome === "intact" ? "intact" : "broken",
    events: row.events,
    firstBadSeq: row.firstBadSeq === null ? null : Number(row.firstBadSeq),
    message: row.message,
    trigger: row.trigger,
  };
}

/** The latest openings of a consultation (its page, the API, its print page, a reveal): who, when, what. */
export async function listConsultationOpenings(caller: Caller, consultationId: number, limit = 10): Promise<AuditEventDto[]> {
  assertPermission(caller, "audit:read");
  const db = await readDb();
  const rows = await db.auditEvent.findMany({
    where: { consultationId: BigInt(consultationId), action: { in: ["consultation.viewed", "print.viewed", "passcode.revealed"] } },
    orderBy: { seq: "desc" },
    take: Math.min(Math.max(limit, 1), 100),
    omit: { prevHash: true, hash: true },
  });
  return rows.map(toDto);
}
