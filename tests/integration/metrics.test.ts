// GET /api/metrics on both databases: the bearer token is required (compared in constant time),
// the answer is Prometheus text, and the values move as deliveries arrive, people sign in and
// jobs run. The token must be set before lib/env is first loaded, so the app is imported below.
import { beforeAll, describe, expect, it } from "vitest";
import type { JobDefinition } from "@/lib/jobs/types";
import { recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { timeWindow } from "../support/time-window";

const metricsToken = "metrics-test-token-0123456789";
process.env.CARE_DESK_METRICS_TOKEN = metricsToken;

type App = {
  GET: (request: Request) => Promise<Response>;
  POST: (request: Request) => Promise<Response>;
  webhookRequest: typeof import("../support/webhooks").webhookRequest;
  signInWithPassword: typeof import("@/lib/auth/sign-in").signInWithPassword;
  createTestUser: typeof import("../support/users").createTestUser;
  clientHeaders: typeof import("../support/users").clientHeaders;
  runJobPeriod: typeof import("@/lib/jobs/run").runJobPeriod;
};
let app: App;

beforeAll(async () => {
  const [metricsRoute, webhooksRoute, webhooks, signIn, users, run] = await Promise.all([
    import("@/app/api/metrics/route"),
    import("@/app/api/webhooks/route"),
    import("../support/webhooks"),
    import("@/lib/auth/sign-in"),
    import("../support/users"),
    import("@/lib/jobs/run"),
  ]);
  app = {
    GET: metricsRoute.GET,
    POST: webhooksRoute.POST,
    webhookRequest: webhooks.webhookRequest,
    signInWithPassword: signIn.signInWithPassword,
    createTestUser: users.createTestUser,
    clientHeaders: users.clientHeaders,
    runJobPeriod: run.runJobPeriod,
  };
  // Warm the read connection: the cached counts wait 20× a count's duration before recounting, and
  // the first count of a cold client would otherwise make the counts test wait for half a minute.
  const { readDb } = await import("@/lib/db");
  await (await readDb()).consultation.count();
});

const scrape = (authorization?: string) =>
  app.GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

/** The exposition text as a map from `name{labels}` to value. */
async function read(): Promise<Map<string, number>> {
  const response = await scrape(`Bearer ${metricsToken}`);
  expect(response.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

const value = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

describe("GET /api/metrics", () => {
  it("answers 401 with the common error body without the token or with a wrong one", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-0123456789", `Basic ${metricsToken}`, `Bearer ${metricsToken}x`, "Bearer "]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
  });

  it("answers Prometheus text with the default process metrics and every Care Desk metric", async () => {
    const response = await scrape(`Bearer ${metricsToken}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      "process_cpu_user_seconds_total",
      "nodejs_eventloop_lag_seconds",
      "care_desk_webhook_deliveries_total",
      "care_desk_webhook_ingest_seconds",
      "care_desk_ingest_queue_depth",
      "care_desk_ingest_batch_size",
      "care_desk_last_processed_delivery_timestamp_seconds",
      "care_desk_consultations",
      "care_desk_sign_in_total",
      "care_desk_job_runs_total",
      "care_desk_alerts_firing",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(text).toContain("care_desk_ingest_queue_depth 0");
  });

  it("counts the alerts firing now, from the database every instance shares", async () => {
    const { writeTransaction } = await import("@/lib/db");
    // A rule name of this test's own: other test files may add and remove firing alerts meanwhile.
    const rule = `metrics_test_${uniqueId()}`;
    const alert = await writeTransaction((tx) => tx.alert.create({ data: { rule, openRule: rule, firedAt: new Date(), value: 1, threshold: 1, summary: "metrics test" } }));
    try {
      expect(value(await read(), "care_desk_alerts_firing")).toBeGreaterThanOrEqual(1);
    } finally {
      await writeTransaction((tx) => tx.alert.delete({ where: { id: alert.id } }));
    }
  });

  it("counts deliveries by outcome and type, times their ingestion and moves the last-processed time", async () => {
    const { at } = timeWindow();
    const before = await read();
    const id = uniqueId();
    const sentAt = Date.now() / 1000;
    const body = statusUpdate(id, null, "new", at(1));
    expect((await app.POST(app.webhookRequest(body))).status).toBe(200);
    expect((await app.POST(app.webhookRequest(body))).status).toBe(200); // the same again: a duplicate
    expect((await app.POST(app.webhookRequest(recommendation(id, at(2))))).status).toBe(200);
    expect((await app.POST(app.webhookRequest({ type: "status_update", consultation_id: id, new_status: 7 }))).status).toBe(400);
    expect((await app.POST(app.webhookRequest(statusUpdate(id, "new", "closed", at(3)), { unsigned: true }))).status).toBe(401);
    const after = await read();

    const delta = (key: string) => value(after, key) - value(before, key);
    expect(delta('care_desk_webhook_deliveries_total{outcome="processed",type="status_update"}')).toBe(1);
    expect(delta('care_desk_webhook_deliveries_total{outcome="duplicate",type="status_update"}')).toBe(1);
    expect(delta('care_desk_webhook_deliveries_total{outcome="processed",type="recommendation_data"}')).toBe(1);
    expect(delta('care_desk_webhook_deliveries_total{outcome="rejected",type="status_update"}')).toBe(1);
    expect(delta('care_desk_webhook_deliveries_total{outcome="unauthorized",type="unknown"}')).toBe(1);
    // Every stored record is timed from receipt to commit (the 401 is sampled, so it may be stored too).
    expect(delta("care_desk_webhook_ingest_seconds_count")).toBeGreaterThanOrEqual(4);
    expect(delta("care_desk_ingest_batch_size_count")).toBeGreaterThanOrEqual(1);
    expect(value(after, "care_desk_last_processed_delivery_timestamp_seconds")).toBeGreaterThanOrEqual(Math.floor(sentAt));
  });

  it("reports consultations per status from the cached counts, which follow new consultations", async () => {
    const { at } = timeWindow();
    const before = value(await read(), 'care_desk_consultations{status="in_progress"}');
    for (let i = 0; i < 3; i++) expect((await app.POST(app.webhookRequest(statusUpdate(uniqueId(), "checking_medical_profile", "in_progress", at(i))))).status).toBe(200);
    // The counts are cached for a few seconds (lib/data/status-counts.ts): a later scrape shows them.
    await expect.poll(async () => value(await read(), 'care_desk_consultations{status="in_progress"}') - before, { timeout: 40_000, interval: 500 }).toBeGreaterThanOrEqual(3);
  });

  it("counts sign-ins by outcome: failed, limited (the account locked), success", async () => {
    const user = await app.createTestUser("coordinator");
    const before = await read();
    for (let i = 0; i < 5; i++) expect((await app.signInWithPassword(user.email, "not the password at all", app.clientHeaders())).ok).toBe(false);
    const locked = await app.signInWithPassword(user.email, user.password, app.clientHeaders());
    expect(locked).toMatchObject({ ok: false, status: 429 });
    const other = await app.createTestUser("auditor");
    expect((await app.signInWithPassword(other.email, other.password, app.clientHeaders())).ok).toBe(true);
    const after = await read();
    const delta = (outcome: string) => value(after, `care_desk_sign_in_total{outcome="${outcome}"}`) - value(before, `care_desk_sign_in_total{outcome="${outcome}"}`);
    expect({ failed: delta("failed"), limited: delta("limited"), success: delta("success") }).toEqual({ failed: 5, limited: 1, success: 1 });
  });

  it("counts job runs by job and outcome", async () => {
    const name = `metrics-test-${uniqueId()}`;
    const job = (fail: boolean): JobDefinition => ({
      name,
      description: "a job of this test",
      schedule: "0 0 1 1 *",
      run: async () => {
        if (fail) throw new Error("this run fails");
        return { rowsTouched: 2 };
      },
    });
    await app.runJobPeriod(job(false), new Date("2030-01-01T00:00:00Z"));
    await app.runJobPeriod(job(true), new Date("2031-01-01T00:00:00Z"));
    const samples = await read();
    expect(value(samples, `care_desk_job_runs_total{job="${name}",outcome="succeeded"}`)).toBe(1);
    expect(value(samples, `care_desk_job_runs_total{job="${name}",outcome="failed"}`)).toBe(1);
  });
});
