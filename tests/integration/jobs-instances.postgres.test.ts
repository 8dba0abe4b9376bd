// Background jobs on several `next start` instances behind one PostgreSQL (a database of this
// file's own): every job scheduled every 2 seconds on two instances runs each period exactly
// once, old rows are purged exactly once, and an instance started with CARE_DESK_JOBS=off runs none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";
import { startNextServer, type RunningServer } from "../support/next-server";
import { token } from "../support/deliveries";

let drop: () => Promise<void>;
let databaseUrl: string;
const servers: RunningServer[] = [];
const everyTwoSeconds = "retention-delivery-bodies=*/2 * * * * *; retention-refused-deliveries=*/2 * * * * *; retention-unauthenticated=*/2 * * * * *";

beforeAll(async () => {
  ({ drop, databaseUrl } = await createIsolatedDatabase("jobs_instances"));
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await drop?.();
});

/** The instance id a server's JSON log lines carry. */
function instanceOf(server: RunningServer): string {
  for (const line of server.logs.join("").split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { instance?: string };
    if (entry.instance) return entry.instance;
  }
  throw new Error(`no JSON log line:\n${server.logs.join("")}`);
}

describe("background jobs on two instances and one with CARE_DESK_JOBS=off", () => {
  it("run each period of each job exactly once, on an instance that runs jobs", async () => {
    const { writeBatch, readDb } = await import("@/lib/db");
    const { insertDelivery } = await import("@/lib/webhooks/store");
    // Seven sampled unauthenticated records, eight days old: the retention job deletes them once.
    await writeBatch(async (session) => {
      for (let i = 0; i < 7; i++) {
        await insertDelivery(session, {
          receivedAt: new Date(Date.now() - 8 * 86_400_000), outcome: "unauthorized", httpStatus: 401, type: null, consultationId: null,
          dedupKey: null, webhookId: null, bodySha256: null, bodyBytes: 0, rawBody: null, headers: "{}", errorCode: "unauthorized",
          errorDetail: null, unauthenticated: true,
        });
      }
    });
    const env = { DATABASE_URL: databaseUrl, NODE_ENV: "production", WEBHOOK_BEARER_TOKEN: token, CARE_DESK_JOBS: "on", CARE_DESK_JOB_SCHEDULES: everyTwoSeconds };
    servers.push(
      ...(await Promise.all([startNextServer(env), startNextServer(env), startNextServer({ ...env, CARE_DESK_JOBS: "off" })])),
    );
    const [first, second, off] = servers as [RunningServer, RunningServer, RunningServer];
    expect(off.logs.join("")).toContain("background jobs are off on this instance");

    const db = await readDb();
    const periodsOf = async (job: string) => new Set((await db.jobRun.findMany({ where: { job }, select: { periodStart: true } })).map((run) => run.periodStart.getTime())).size;
    const jobs = ["retention-delivery-bodies", "retention-refused-deliveries", "retention-unauthenticated"];
    await expect
      .poll(async () => Math.min(...(await Promise.all(jobs.map(periodsOf)))), { timeout: 60_000, interval: 500 })
      .toBeGreaterThanOrEqual(4);
    await Promise.all(servers.map((server) => server.stop()));

    const runs = await db.jobRun.findMany({ orderBy: { id: "asc" } });
    const perPeriod = new Map<string, number>();
    for (const run of runs) perPeriod.set(`${run.job} ${run.periodStart.toISOString()}`, (perPeriod.get(`${run.job} ${run.periodStart.toISOString()}`) ?? 0) + 1);
    expect([...perPeriod.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    // Two seconds apart, as scheduled.
    for (const run of runs) expect(run.periodStart.getUTCSeconds() % 2).toBe(0);
    expect(runs.filter((run) => run.outcome !== "succeeded" && run.finishedAt !== null)).toEqual([]);
    const allowed = new Set([instanceOf(first), instanceOf(second)]);
    expect(allowed.has(instanceOf(off))).toBe(false);
    for (const run of runs) expect(allowed.has(run.instance), run.instance).toBe(true);
    const purged = runs.filter((run) => run.job === "retention-unauthenticated").reduce((sum, run) => sum + run.rowsTouched, 0);
    expect(purged).toBe(7);
    expect(await db.webhookDelivery.count({ where: { unauthenticated: true } })).toBe(0);
  }, 180_000);
});
