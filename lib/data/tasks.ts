// The worklist's reads: open tasks by due date (overdue first) with its filters and a keyset
// cursor, the tasks of one consultation, one task's current state (after a conflict), the
// open/overdue counts, who can be assigned, and the changes the live refresh polls.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readAggregate, readDb } from "../db";
import { readChanges } from "./consultation-changes";
import { createFiguresCache, type FiguresCache } from "./figures-cache";
import { decodeCursor, encodeCursor } from "../keyset-cursor";
import { documentedStatuses } from "../statuses";
import type { ConsultationChangesDto } from "../schemas/consultation";
import { worklistPageSize, type TaskCountsDto, type TaskDto, type TaskKindValue, type TaskState, type WorklistQuery } from "../schemas/task";

const dayMs = 86_400_000;

const taskSelect = {
  id: true,
  consultationId: true,
  kind: true,
  title: true,
  state: true,
  dismissReason: true,
  withdrawnAt: true,
  dueAt: true,
  notes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  closedById: true,
  assignee: { select: { id: true, name: true } },
  consultation: { select: { status: true } },
} satisfies Prisma.TaskSelect;

type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

async function closerNames(rows: TaskRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.closedById).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const db = await readDb();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

function toDto(row: TaskRow, now: Date, closers: Map<string, string>): TaskDto {
  return {
    id: row.id,
    consultationId: Number(row.consultationId),
    kind: row.kind as TaskKindValue,
    title: row.title,
    state: row.state as TaskState,
    dismissReason: row.dismissReason,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    assignee: row.assignee,
    dueAt: row.dueAt.toISOString(),
    overdue: row.state === "open" && row.withdrawnAt === null && row.dueAt < now,
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedById === null ? null : (closers.get(row.closedById) ?? "a former user"),
    consultationStatus: row.consultation.status,
  };
}

async function toDtos(rows: TaskRow[], now: Date): Promise<TaskDto[]> {
  const closers = await closerNames(rows);
  return rows.map((row) => toDto(row, now, closers));
}

/** The worklist's filters as a where clause: open tasks still in the current recommendation. */
export function worklistWhere(caller: Caller, query: WorklistQuery, now: Date): Prisma.TaskWhereInput {
  const where: Prisma.TaskWhereInput = { state: "open", withdrawnAt: null };
  if (query.kind) where.kind = query.kind;
  if (query.assignee === "mine") where.assigneeId = caller.kind === "user" ? caller.userId : "";
  else if (query.assignee === "unassigned") where.assigneeId = null;
  else if (query.assignee) where.assigneeId = query.assignee;
  if (query.due === "overdue") where.dueAt = { lt: now };
  else if (query.due === "week") where.dueAt = { gte: now, lt: new Date(now.getTime() + 7 * dayMs) };
  else if (query.due === "later") where.dueAt = { gte: new Date(now.getTime() + 7 * dayMs) };
  if (query.status === "other") where.consultation = { OR: [{ status: null }, { status: { notIn: [...documentedStatuses] } }] };
  else if (query.status) where.consultation = { status: query.status };
  return where;
}

export type WorklistPage = { items: TaskDto[]; next: string | null };

/** One page of the worklist: by due date (the overdue first), then id; `after` is the last row's cursor. */
export async function listWorklist(caller: Caller, query: WorklistQuery, now: Date, limit = worklistPageSize): Promise<WorklistPage> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  const where = worklistWhere(caller, query, now);
  const after = query.after ? decodeCursor(query.after) : null;
  if (after && after.key !== null) {
    const dueAt = new Date(Number(after.key));
    // `dueAt >= …` bounds the index range; the OR alone would be a filter over every row before it.
    where.AND = [{ dueAt: { gte: dueAt } }, { OR: [{ dueAt: { gt: dueAt } }, { dueAt, id: { gt: Number(after.id) } }] }];
  }
  // By due date and id, spelled as the [state, withdrawnAt, dueAt, id] index's order: every row has
  // the same state and no withdrawnAt, so the order is the same, but PostgreSQL's planner does not
  // count `withdrawnAt IS NULL` as an equality, and for ORDER BY "dueAt", "id" alone it sorted every
  // open task (1.9M at a million consultations: 0.3-1 s a page) instead of reading the index's first rows.
  const rows = await db.task.findMany({
    where,
    orderBy: [{ state: "asc" }, { withdrawnAt: "asc" }, { dueAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: taskSelect,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await toDtos(page, now),
    next: rows.length > limit && last ? encodeCursor({ key: BigInt(last.dueAt.getTime()), id: BigInt(last.id) }) : null,
  };
}

/** How many tasks the worklist's filters match (what the export records and sends at most). */
export async function countWorklist(caller: Caller, query: WorklistQuery, now: Date): Promise<number> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  return db.task.count({ where: worklistWhere(caller, query, now) });
}

/** Every task of one consultation: open ones first (by due date), then closed and withdrawn ones. */
export async function listConsultationTasks(caller: Caller, consultationId: number, now: Date): Promise<TaskDto[]> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  const rows = await db.task.findMany({ where: { consultationId: BigInt(consultationId) }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select: taskSelect });
  const rank = (row: TaskRow) => (row.withdrawnAt !== null ? 2 : row.state === "open" ? 0 : 1);
  return toDtos([...rows].sort((a, b) => rank(a) - rank(b)), now);
}

/** One task as it is now, or null. */
export async function getTask(caller: Caller, taskId: number, now: Date): Promise<TaskDto | null> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  const row = await db.task.findUnique({ where: { id: taskId }, select: taskSelect });
  return row ? (await toDtos([row], now))[0]! : null;
}

/**
 * Open tasks (still in the current recommendation) and, of those, the overdue: for the list's
 * status counts. One pass over the [state, withdrawnAt, dueAt] index, through the aggregate
 * reader (lib/db.ts): at a million consultations that is a few million index entries.
 */
export async function countOpenTasks(caller: Caller, now: Date): Promise<TaskCountsDto> {
  assertPermission(caller, "consultations:read");
  const [row] = await readAggregate<{ open: unknown; overdue: unknown }>(Prisma.sql`
    SELECT COUNT(*) AS "open", SUM(CASE WHEN "dueAt" < ${now} THEN 1 ELSE 0 END) AS "overdue"
      FROM "Task"
     WHERE "state" = 'open' AND "withdrawnAt" IS NULL`);
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}

const countsHolder = globalThis as unknown as { careDeskTaskCounts?: FiguresCache<TaskCountsDto> };
const countsCache = (countsHolder.careDeskTaskCounts ??= createFiguresCache<TaskCountsDto>({
  name: "task counts",
  refreshAfterMs: 2_000,
  maxAgeMs: 30_000,
  maxEntries: 1,
}));

/**
 * The same counts for the consultation list's status counts, as its status counts are kept
 * (lib/data/status-counts.ts): recounted in the background once 2 s old (one count per process
 * however many list views: the list re-renders on every live refresh), waited for only when
 * missing or older than 30 s.
 */
export async function getTaskCounts(caller: Caller): Promise<TaskCountsDto> {
  assertPermission(caller, "consultations:read");
  return (await countsCache.get("now", () => countOpenTasks(caller, new Date()))).value;
}

export type AssignableUser = { id: string; name: string; email: string };

/** Who a task can be assigned to: coordinators and admins who are not disabled. */
export async function listAssignableUsers(caller: Caller): Promise<AssignableUser[]> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  return db.user.findMany({
    where: { role: { in: ["coordinator", "admin"] }, OR: [{ banned: null }, { banned: false }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true },
    take: 500,
  });
}

/**
 * Tasks changed at or after `since` minus the overlap (when `since` is null: the latest change's
 * window, or none if it has settled), the feed of ./consultation-changes.ts: the worklist's live refresh.
 */
export async function getTaskChanges(caller: Caller, since: Date | null): Promise<ConsultationChangesDto> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  return readChanges(since, {
    latest: async () => (await db.task.findFirst({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { updatedAt: true } }))?.updatedAt ?? null,
    window: (from, take) => db.task.findMany({ where: { updatedAt: { gte: from } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take, select: { id: true, updatedAt: true } }),
  });
}

/**
 * The worklist's rows for a CSV export, one batch at a time along the worklist's own cursor,
 * stopping after `upTo` rows (the count recorded before the first byte).
 */
export async function* exportWorklist(caller: Caller, query: WorklistQuery, now: Date, { batchSize = 500, upTo = Number.POSITIVE_INFINITY } = {}): AsyncGenerator<TaskDto[]> {
  assertPermission(caller, "export");
  let page: WorklistQuery = { ...query, after: undefined };
  let left = upTo;
  while (left > 0) {
    const { items, next } = await listWorklist(caller, page, now, batchSize);
    const batch = items.slice(0, left);
    if (batch.length > 0) yield batch;
    left -= batch.length;
    if (next === null) return;
    page = { ...page, after: next };
  }
}
