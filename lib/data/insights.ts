// /insights: five figures over one date range, each from one SQL aggregate that SQLite and
// PostgreSQL both run. Every figure reads the consultations whose latest status event (statusUs,
// indexed with and without the status) falls in [fromMicros, toMicros); see docs/dashboard.md.
// The figures are cached per range for a few seconds (getInsights; docs/performance.md).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readAggregate } from "../db";
import { documentedStatuses } from "../statuses";
import type { InsightsQuery } from "../schemas/insights-query";
import { createFiguresCache, type FiguresCache } from "./figures-cache";

export const insightStatuses = [...documentedStatuses, "other"] as const;
export type InsightStatus = (typeof insightStatuses)[number];

export type DayCounts = { day: string; counts: Record<InsightStatus, number>; total: number };
export type TopItem = { label: string; code: string | null; count: number };
export type Insights = {
  perDay: DayCounts[];
  /** New → closed, in microseconds; null when no consultation in range has both events. */
  closeTime: { consultations: number; medianMicros: number | null; p90Micros: number | null };
  recommendations: { closed: number; withRecommendation: number };
  topDiagnoses: TopItem[];
  topDrugs: TopItem[];
};

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value as bigint | number | string));
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
const inRange = (query: InsightsQuery) => Prisma.sql`c."statusUs" >= ${query.fromMicros} AND c."statusUs" < ${query.toMicros}`;

/**
 * Consultations per day by current status: the viewer's days as a VALUES list of [start, end)
 * instants joined to the status-time index, so a day is exactly the zone's day (DST or any offset).
 */
async function perDay(query: InsightsQuery): Promise<DayCounts[]> {
  const ends = [...query.days.slice(1).map((day) => day.startMicros), query.toMicros];
  const values = Prisma.join(query.days.map((day, index) => Prisma.sql`(CAST(${day.startMicros} AS BIGINT), CAST(${ends[index]!} AS BIGINT))`));
  const rows = await readAggregate<{ start: unknown; status: unknown; count: unknown }>(Prisma.sql`
    SELECT d."column1" AS "start",
      CASE WHEN c."status" IN (${Prisma.join([...documentedStatuses])}) THEN c."status" ELSE 'other' END AS "status",
      COUNT(*) AS "count"
    FROM (VALUES ${values}) d JOIN "Consultation" c ON c."statusUs" >= d."column1" AND c."statusUs" < d."column2"
    GROUP BY 1, 2`);
  const days = new Map(
    query.days.map((day) => [day.startMicros, { day: day.day, counts: Object.fromEntries(insightStatuses.map((status) => [status, 0])) as Record<InsightStatus, number>, total: 0 }]),
  );
  for (const row of rows) {
    const day = days.get(BigInt(row.start as bigint | number | string))!;
    const count = num(row.count)!;
    day.counts[str(row.status) as InsightStatus] += count;
    day.total += count;
  }
  return [...days.values()];
}

/**
 * New → closed: for each consultation now closed with its status time in range, that time minus
 * its earliest `new` event at or before it (none: left out). Median and 90th percentile by
 * nearest rank (the value at rank ⌈p·n⌉ in ascending order). The earliest `new` event is a
 * correlated MIN over the [consultationId, newStatus, eventUs] index, one index probe per
 * consultation; the durations are MATERIALIZED so PostgreSQL runs that probe once per row
 * rather than once per use. (A join grouped by consultation made PostgreSQL walk the whole
 * primary key at 1M consultations: 0.9-1.2 s against 0.2 s.) Durations that are NULL sort last
 * and are not counted, so ranks 1…n are the measured ones on both databases.
 */
async function closeTime(query: InsightsQuery): Promise<Insights["closeTime"]> {
  const [row] = await readAggregate<{ n: unknown; median: unknown; p90: unknown }>(Prisma.sql`
    WITH "durations" AS MATERIALIZED (
      SELECT c."id" AS "id",
        c."statusUs" - (
          SELECT MIN(s."eventUs") FROM "StatusChange" s
          WHERE s."consultationId" = c."id" AND s."newStatus" = 'new' AND s."eventUs" <= c."statusUs"
        ) AS "duration"
      FROM "Consultation" c
      WHERE c."status" = 'closed' AND ${inRange(query)}
    ), "ranked" AS (
      SELECT "duration",
        ROW_NUMBER() OVER (ORDER BY CASE WHEN "duration" IS NULL THEN 1 ELSE 0 END, "duration", "id") AS "rank",
        COUNT("duration") OVER () AS "n"
      FROM "durations"
    )
    SELECT COUNT("duration") AS "n",
      MAX(CASE WHEN "rank" = ("n" * 50 + 99) / 100 THEN "duration" END) AS "median",
      MAX(CASE WHEN "rank" = ("n" * 90 + 99) / 100 THEN "duration" END) AS "p90"
    FROM "ranked"`);
  return { consultations: num(row?.n) ?? 0, medianMicros: num(row?.median), p90Micros: num(row?.p90) };
}

/** Of the consultations now closed with their status time in range, those with a recommendation. */
async function recommendations(query: InsightsQuery): Promise<Insights["recommendations"]> {
  const [row] = await readAggregate<{ closed: unknown; with: unknown }>(Prisma.sql`
    SELECT COUNT(*) AS "closed", COUNT(c."recommendationId") AS "with"
    FROM "Consultation" c WHERE c."status" = 'closed' AND ${inRange(query)}`);
  return { closed: num(row?.closed) ?? 0, withRecommendation: num(row?.with) ?? 0 };
}

/** The 10 diagnosis codes most consultations in range carry (latest recommendation); ties by code. */
async function topDiagnoses(query: InsightsQuery): Promise<TopItem[]> {
  const rows = await readAggregate<{ code: unknown; name: unknown; count: unknown }>(Prisma.sql`
    SELECT c."diagnosisCode" AS "code", MIN(c."diagnosisName") AS "name", COUNT(*) AS "count"
    FROM "Consultation" c WHERE ${inRange(query)} AND c."diagnosisCode" IS NOT NULL
    GROUP BY c."diagnosisCode" ORDER BY COUNT(*) DESC, c."diagnosisCode" LIMIT 10`);
  return rows.map((row) => ({ code: str(row.code), label: str(row.name) ?? str(row.code)!, count: num(row.count)! }));
}

/**
 * The 10 drug names prescribed in most consultations in range (latest recommendation); ties by
 * name. A recommendation belongs to one consultation, so distinct (recommendation, name) pairs
 * count consultations: read from the [recommendationId, name] index alone, no COUNT(DISTINCT).
 */
async function topDrugs(query: InsightsQuery): Promise<TopItem[]> {
  const rows = await readAggregate<{ name: unknown; count: unknown }>(Prisma.sql`
    SELECT p."name" AS "name", COUNT(*) AS "count"
    FROM (
      SELECT DISTINCT d."recommendationId", d."name"
      FROM "Consultation" c JOIN "RecommendationDrug" d ON d."recommendationId" = c."recommendationId"
      WHERE ${inRange(query)} AND d."name" IS NOT NULL
    ) p
    GROUP BY p."name" ORDER BY COUNT(*) DESC, p."name" LIMIT 10`);
  return rows.map((row) => ({ code: null, label: str(row.name)!, count: num(row.count)! }));
}

/** The five figures now, straight from the database. */
async function computeInsights(query: InsightsQuery): Promise<Insights> {
  const [days, close, share, diagnoses, drugs] = await Promise.all([
    perDay(query),
    closeTime(query),
    recommendations(query),
    topDiagnoses(query),
    topDrugs(query),
  ]);
  return { perDay: days, closeTime: close, recommendations: share, topDiagnoses: diagnoses, topDrugs: drugs };
}

/**
 * Recounted in the background once 30 s old (when a request sees them); never served older than
 * 2 minutes. On SQLite a recount runs on the aggregate reader's thread (lib/db.ts readAggregate),
 * not the server's, but it still takes a core for as long as it runs, so it should be rare.
 */
export const insightsRefreshAfterMs = 30_000;
export const insightsMaxAgeMs = 120_000;

const holder = globalThis as unknown as { careDeskInsightsCache?: FiguresCache<Insights> };
const cache = (holder.careDeskInsightsCache ??= createFiguresCache<Insights>({
  name: "insights",
  refreshAfterMs: insightsRefreshAfterMs,
  maxAgeMs: insightsMaxAgeMs,
  maxEntries: 64,
}));

/**
 * The figures for a range, from this process's cache (lib/data/figures-cache): at most a minute
 * old, usually a few seconds; `computedAt` says when they were counted. The key is the normalised
 * range: its first and last day and the zone that places them.
 */
export async function getInsights(caller: Caller, query: InsightsQuery): Promise<Insights & { computedAt: Date }> {
  assertPermission(caller, "consultations:read");
  const cached = await cache.get(`${query.from}/${query.to}/${query.timeZone}`, () => computeInsights(query));
  return { ...cached.value, computedAt: cached.computedAt };
}
