// The consultation list: filters, search, two sorts and keyset pagination (never OFFSET).
//
// Sorting by last event walks the (lastEventMicros, id) index (or (status, lastEventMicros, id) when
// filtered by status); sorting by status time walks (statusMicros, id) / (status, statusMicros, id).
// Cursors compare row values, `(key, id) < (?, ?)`, which both databases answer with one index
// range. Consultations without a status event have no status time: that sort lists them last,
// in both directions, as a second segment ordered by id.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readDb, type Db } from "../db";
import { documentedStatuses, type StatusFilter } from "../statuses";
import { encodeCursor, type KeysetCursor } from "../keyset-cursor";
import type { ConsultationListQuery } from "../schemas/consultation-query";
import type { ConsultationListDto } from "../schemas/consultation";
import { consultationRowSelect, toConsultationSummary, type ConsultationRow } from "./consultation";
import { planSearch } from "./consultation-search";

type Direction = "asc" | "desc";

type RawRow = Record<string, unknown>;

/** A field's column: `…Micros` fields keep their first column name, `…Us` (see prisma/models.prisma). */
const column = (field: string) => `c."${field.replace(/Micros$/, "Us")}"`;

const columns = Prisma.raw(
  Object.keys(consultationRowSelect)
    .map((field) => `${column(field)} AS "${field}"`)
    .join(", "),
);

// The drivers hand back BIGINT as bigint or number and DATETIME as Date or text (SQLite keeps ISO text).
const big = (value: unknown) => (value === null || value === undefined ? null : BigInt(value as bigint | number | string));
const int = (value: unknown) => (value === null || value === undefined ? null : Number(value as bigint | number));
const date = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toRow(raw: RawRow): ConsultationRow {
  return {
    id: big(raw.id)!,
    userId: text(raw.userId),
    insuranceId: text(raw.insuranceId),
    policyNumber: text(raw.policyNumber),
    status: text(raw.status),
    statusTime: text(raw.statusTime),
    statusMicros: big(raw.statusMicros),
    firstSeenAt: date(raw.firstSeenAt),
    lastEventTime: String(raw.lastEventTime),
    lastEventMicros: big(raw.lastEventMicros)!,
    recommendationId: int(raw.recommendationId),
    diagnosisCode: text(raw.diagnosisCode),
    diagnosisName: text(raw.diagnosisName),
    drugCount: int(raw.drugCount),
    updatedAt: date(raw.updatedAt),
  };
}

type Row = ConsultationRow;

/**
 * One condition per selected status: each is run as its own query and the results merged, so
 * that every query walks an index in sort order. (`status IN (a, b)` has no such index order, and
 * SQLite without statistics then sorts every row of those statuses.)
 */
function statusBranches(statuses: StatusFilter[]): (Prisma.Sql | null)[] {
  if (statuses.length === 0 || statuses.length === documentedStatuses.length + 1) return [null];
  return statuses.map((status) =>
    status === "other"
      ? Prisma.sql`(c."status" IS NULL OR c."status" NOT IN (${Prisma.join([...documentedStatuses])}))`
      : Prisma.sql`c."status" = ${status}`,
  );
}

async function filterConditions(db: Db, query: ConsultationListQuery): Promise<Prisma.Sql[]> {
  const conditions: Prisma.Sql[] = [];
  if (query.fromMicros !== undefined) conditions.push(Prisma.sql`c."lastEventUs" >= ${query.fromMicros}`);
  if (query.toMicros !== undefined) conditions.push(Prisma.sql`c."lastEventUs" < ${query.toMicros}`);
  if (query.recommendation === "with") conditions.push(Prisma.sql`c."recommendationId" IS NOT NULL`);
  if (query.recommendation === "without") conditions.push(Prisma.sql`c."recommendationId" IS NULL`);
  if (query.search) {
    const narrowed = conditions.length > 0 || statusBranches(query.statuses)[0] !== null;
    const plan = await planSearch(db, query.search, narrowed);
    if (plan.candidates) conditions.push(Prisma.sql`c."id" IN (${plan.candidates})`);
    conditions.push(plan.match);
  }
  return conditions;
}

type Segment = { nullKeys: boolean; direction: Direction; cursor: KeysetCursor | null; limit: number };

type Key = "lastEventMicros" | "statusMicros";

/** Sorts rows the way one segment is ordered (all keys non-null, or all null). */
function compareRows(key: Key, direction: Direction) {
  const sign = direction === "desc" ? -1 : 1;
  const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: Row, b: Row) => sign * (cmp(a[key] ?? 0n, b[key] ?? 0n) || cmp(a.id, b.id));
}

async function fetchSegment(db: Db, branches: (Prisma.Sql | null)[], conditions: Prisma.Sql[], key: Key, nullable: boolean, segment: Segment): Promise<Row[]> {
  if (segment.limit <= 0) return [];
  const results = await Promise.all(
    branches.map((branch) => fetchBranch(db, branch ? [branch, ...conditions] : conditions, key, nullable, segment)),
  );
  if (results.length === 1) return results[0]!;
  return results.flat().sort(compareRows(key, segment.direction)).slice(0, segment.limit);
}

async function fetchBranch(db: Db, conditions: Prisma.Sql[], key: Key, nullable: boolean, segment: Segment): Promise<Row[]> {
  const keyColumn = Prisma.raw(column(key));
  const order = Prisma.raw(segment.direction === "desc" ? "DESC" : "ASC");
  const beyond = Prisma.raw(segment.direction === "desc" ? "<" : ">");
  const where = [...conditions];
  let orderBy: Prisma.Sql;
  if (segment.nullKeys) {
    where.push(Prisma.sql`${keyColumn} IS NULL`);
    if (segment.cursor) where.push(Prisma.sql`c."id" ${beyond} ${segment.cursor.id}`);
    orderBy = Prisma.sql`c."id" ${order}`;
  } else {
    if (nullable) where.push(Prisma.sql`${keyColumn} IS NOT NULL`);
    if (segment.cursor) where.push(Prisma.sql`(${keyColumn}, c."id") ${beyond} (${segment.cursor.key}, ${segment.cursor.id})`);
    orderBy = Prisma.sql`${keyColumn} ${order}, c."id" ${order}`;
  }
  const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<RawRow[]>`SELECT ${columns} FROM "Consultation" c ${whereSql} ORDER BY ${orderBy} LIMIT ${segment.limit}`;
  return rows.map(toRow);
}

const reverse = (direction: Direction): Direction => (direction === "desc" ? "asc" : "desc");

export async function listConsultations(caller: Caller, query: ConsultationListQuery): Promise<ConsultationListDto> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  const conditions = await filterConditions(db, query);
  const branches = statusBranches(query.statuses);
  const key: Key = query.sort === "last_event" ? "lastEventMicros" : "statusMicros";
  const nullable = key === "statusMicros";
  const want = query.limit + 1; // one more than a page tells whether there is another
  const fetch = (segment: Segment) => fetchSegment(db, branches, conditions, key, nullable, segment);

  let rows: Row[];
  let more: boolean;
  if (!query.before) {
    // Forward, in display order: rows with a key, then (status time only) rows without.
    const cursor = query.after ?? null;
    const keyed = cursor?.key === null ? [] : await fetch({ nullKeys: false, direction: query.dir, cursor, limit: want });
    const unkeyed = nullable
      ? await fetch({ nullKeys: true, direction: query.dir, cursor: cursor?.key === null ? cursor : null, limit: want - keyed.length })
      : [];
    rows = [...keyed, ...unkeyed];
    more = rows.length > query.limit;
    rows = rows.slice(0, query.limit);
  } else {
    // Backward from the cursor, then turned round into display order.
    const cursor = query.before;
    const back = reverse(query.dir);
    const unkeyed = nullable && cursor.key === null ? await fetch({ nullKeys: true, direction: back, cursor, limit: want }) : [];
    const keyed = await fetch({ nullKeys: false, direction: back, cursor: cursor.key === null ? null : cursor, limit: want - unkeyed.length });
    const found = [...unkeyed, ...keyed];
    more = found.length > query.limit;
    rows = found.slice(0, query.limit).reverse();
  }

  const cursorOf = (row: Row) => encodeCursor({ key: row[key], id: row.id });
  const first = rows[0];
  const last = rows[rows.length - 1];
  const forward = !query.before;
  return {
    items: rows.map(toConsultationSummary),
    page: {
      limit: query.limit,
      next: last && (forward ? more : true) ? cursorOf(last) : null,
      prev: first && (forward ? query.after !== undefined : more) ? cursorOf(first) : null,
    },
  };
}

/** How many consultations match the query's filters and search (sort and cursor aside). */
export async function countConsultations(caller: Caller, query: ConsultationListQuery): Promise<number> {
  assertPermission(caller, "consultations:read");
  const db = await readDb();
  const conditions = await filterConditions(db, query);
  // The status branches never overlap, so their counts add up.
  const counts = await Promise.all(
    statusBranches(query.statuses).map(async (branch) => {
      const where = branch ? [branch, ...conditions] : conditions;
      const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
      const [row] = await db.$queryRaw<{ count: unknown }[]>`SELECT COUNT(*) AS "count" FROM "Consultation" c ${whereSql}`;
      return Number(row?.count ?? 0);
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
