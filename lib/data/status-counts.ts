// Counts per status for the top of the list. A grouped count reads the whole status index: at a
// million consultations that is ~0.1-0.4 s, far too slow for every request. So counts are cached
// per process and recounted in the background (stale-while-revalidate): at most one count runs
// at a time, no more often than every 2 s, and the slower a count is the less often it runs
// (at most ~5 % of one core). A request waits for a count only when the cached one is missing or
// older than 30 s.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readAggregate } from "../db";
import { log } from "../observability/log";
import { documentedStatuses } from "../statuses";
import type { StatusCountsDto } from "../schemas/consultation";

const minAgeMs = 2_000;
const maxStaleMs = 30_000;

type Cached = { value: StatusCountsDto; at: number; tookMs: number };

const cache = globalThis as unknown as { careDeskStatusCounts?: Cached; careDeskStatusCounting?: Promise<Cached> };

/**
 * Counts now, straight from the database: one grouped count over the status index, through the
 * aggregate reader (on SQLite its own thread, so the count never stops the server's event loop).
 */
export async function countConsultationsByStatus(): Promise<StatusCountsDto> {
  const groups = await readAggregate<{ status: string | null; count: unknown }>(
    Prisma.sql`SELECT "status" AS "status", COUNT(*) AS "count" FROM "Consultation" GROUP BY "status"`,
  );
  const counts: StatusCountsDto = { new: 0, checking_medical_profile: 0, in_progress: 0, closed: 0, other: 0, total: 0, countedAt: new Date().toISOString() };
  for (const group of groups) {
    const status = group.status;
    const count = Number(group.count);
    if (status !== null && (documentedStatuses as readonly string[]).includes(status)) counts[status as (typeof documentedStatuses)[number]] += count;
    else counts.other += count;
    counts.total += count;
  }
  return counts;
}

function recount(): Promise<Cached> {
  cache.careDeskStatusCounting ??= (async () => {
    const started = Date.now();
    try {
      const value = await countConsultationsByStatus();
      const fresh = { value, at: Date.now(), tookMs: Date.now() - started };
      cache.careDeskStatusCounts = fresh;
      return fresh;
    } finally {
      cache.careDeskStatusCounting = undefined;
    }
  })();
  return cache.careDeskStatusCounting;
}

/** Counts per status, at most a few seconds old (see above). */
export async function getStatusCounts(caller: Caller): Promise<StatusCountsDto> {
  assertPermission(caller, "consultations:read");
  return cachedStatusCounts();
}

/**
 * The same cached counts without a caller: only for GET /api/metrics (guarded by its own token),
 * which exports numbers per status and nothing about any consultation.
 */
export async function cachedStatusCounts(): Promise<StatusCountsDto> {
  const cached = cache.careDeskStatusCounts;
  const now = Date.now();
  if (!cached || now - cached.at > maxStaleMs) return (await recount()).value;
  if (now - cached.at > Math.max(minAgeMs, cached.tookMs * 20)) {
    recount().catch((error) => log.error({ err: error }, "status counts: background recount failed"));
  }
  return cached.value;
}
