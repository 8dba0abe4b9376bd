// /insights: open and overdue tasks by kind, now (whatever the page's date range): one grouped
// count over the worklist's index (open, still in the current recommendation), in SQL both
// databases run. The page reads it through the same per-process cache as its other figures
// (getCachedTaskInsights): at a million consultations the count walks millions of index entries.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readAggregate } from "../db";
import { createFiguresCache, type FiguresCache } from "./figures-cache";
import { insightsMaxAgeMs, insightsRefreshAfterMs } from "./insights";
import { taskKindValues, type TaskKindValue } from "../schemas/task";

export type TaskKindInsight = { kind: TaskKindValue; open: number; overdue: number };

/** Every kind, in a fixed order (a kind with no open task shows zeros). */
export async function getTaskInsights(caller: Caller, now = new Date()): Promise<TaskKindInsight[]> {
  assertPermission(caller, "consultations:read");
  const rows = await readAggregate<{ kind: unknown; open: unknown; overdue: unknown }>(Prisma.sql`
    SELECT "kind" AS "kind", COUNT(*) AS "open", SUM(CASE WHEN "dueAt" < ${now} THEN 1 ELSE 0 END) AS "overdue"
      FROM "Task"
     WHERE "state" = 'open' AND "withdrawnAt" IS NULL
     GROUP BY "kind"`);
  const byKind = new Map(rows.map((row) => [String(row.kind), row]));
  return taskKindValues.map((kind) => {
    const row = byKind.get(kind);
    return { kind, open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
  });
}

const holder = globalThis as unknown as { careDeskTaskInsightsCache?: FiguresCache<TaskKindInsight[]> };
const cache = (holder.careDeskTaskInsightsCache ??= createFiguresCache<TaskKindInsight[]>({
  name: "task insights",
  refreshAfterMs: insightsRefreshAfterMs,
  maxAgeMs: insightsMaxAgeMs,
  maxEntries: 1,
}));

/** getTaskInsights from this process's cache, as fresh as /insights' other figures; `computedAt`: when counted. */
export async function getCachedTaskInsights(caller: Caller): Promise<{ kinds: TaskKindInsight[]; computedAt: Date }> {
  assertPermission(caller, "consultations:read");
  const cached = await cache.get("now", () => getTaskInsights(caller));
  return { kinds: cached.value, computedAt: cached.computedAt };
}
