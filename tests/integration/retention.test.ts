// Retention on both databases, on a database of this file's own (the purge looks at every row):
// each kind goes after its own number of days, in batches, and only what it names goes: the
// consultation data projected from a delivery stays when the delivery's body goes; ingestion
// keeps being answered while a long purge runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";
import { statusUpdate, uniqueId } from "../support/payloads";
import type { DeliveryRecord } from "@/lib/webhooks/store";
import { asAdmin } from "../support/callers";

let drop: () => Promise<void>;
let app: {
  db: typeof import("@/lib/db");
  store: typeof import("@/lib/webhooks/store");
  retention: typeof import("@/lib/jobs/retention");
  registry: typeof import("@/lib/jobs/registry");
  run: typeof import("@/lib/jobs/run");
  POST: (request: Request) => Promise<Response>;
  webhookRequest: typeof import("../support/webhooks").webhookRequest;
  getDelivery: typeof import("@/lib/data/deliveries").getDelivery;
  peerAddressHeader: string;
};

beforeAll(async () => {
  ({ drop } = await createIsolatedDatabase("retention"));
  const [db, store, retention, registry, run, route, webhooks, deliveries, peer] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/webhooks/store"),
    import("@/lib/jobs/retention"),
    import("@/lib/jobs/registry"),
    import("@/lib/jobs/run"),
    import("@/app/api/webhooks/route"),
    import("../support/webhooks"),
    import("@/lib/data/deliveries"),
    import("@/lib/http/peer-address"),
  ]);
  app = {
    db, store, retention, registry, run, POST: route.POST, webhookRequest: webhooks.webhookRequest,
    getDelivery: deliveries.getDelivery, peerAddressHeader: peer.peerAddressHeader,
  };
}, 60_000);
afterAll(async () => {
  await drop?.();
});

const dayMs = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs);

/** Stores one inbox row as the receiver would have, received `days` ago. */
async function stored(days: number, fields: Partial<DeliveryRecord>): Promise<number> {
  const record: DeliveryRecord = {
    receivedAt: daysAgo(days),
    outcome: "processed",
    httpStatus: 200,
    type: "status_update",
    consultationId: null,
    dedupKey: `retention-${uniqueId()}`,
    webhookId: null,
    bodySha256: null,
    bodyBytes: 20,
    rawBody: '{"type":"status_update"}',
    headers: "{}",
    errorCode: null,
    errorDetail: null,
    ...fields,
  };
  return (await app.db.writeBatch((session) => app.store.insertDelivery(session, record)))!;
}

const rowOf = async (id: number) => (await app.db.readDb()).webhookDelivery.findUnique({ where: { id } });

describe("retention", () => {
  it("removes old raw bodies of processed and duplicate deliveries, keeping the rows and the consultation", async () => {
    const consultationId = uniqueId();
    const delivered = (await (await app.POST(app.webhookRequest(statusUpdate(consultationId, null, "new", "2024-05-01T10:00:00Z")))).json()) as { delivery_id: number };
    // That delivery arrived 91 days ago.
    await app.db.writeBatch((session) => session.run(`UPDATE "WebhookDelivery" SET "receivedAt" = ? WHERE "id" = ?`, [daysAgo(91), delivered.delivery_id]));
    const oldDuplicate = await stored(120, { outcome: "duplicate", dedupKey: null });
    const recent = await stored(89, {});

    const now = new Date();
    expect(await app.retention.applyRetention("processedBodies", { now })).toBe(2);
    for (const id of [delivered.delivery_id, oldDuplicate]) {
      const row = await rowOf(id);
      expect(row).toMatchObject({ rawBody: null, rawBodyPurgedAt: now });
    }
    expect((await rowOf(recent))!.rawBody).not.toBeNull();
    // The inbox says why the body is gone.
    expect(await app.getDelivery(asAdmin, delivered.delivery_id)).toMatchObject({ rawBody: null, rawBodyPurgedAt: now.toISOString() });
    const db = await app.db.readDb();
    expect(await db.consultation.findUnique({ where: { id: BigInt(consultationId) }, select: { status: true } })).toEqual({ status: "new" });
    expect(await db.statusChange.count({ where: { consultationId: BigInt(consultationId) } })).toBe(1);
    // Nothing left to do: a second run touches nothing.
    expect(await app.retention.applyRetention("processedBodies")).toBe(0);
  });

  it("marks the receiver's records of unauthenticated requests as such, and no other", async () => {
    const stranger = await app.POST(app.webhookRequest(statusUpdate(uniqueId(), null, "new", "2024-05-03T10:00:00Z"), { unsigned: true, headers: { [app.peerAddressHeader]: "203.0.113.250" } }));
    expect(stranger.status).toBe(401);
    const invalid = await app.POST(app.webhookRequest({ type: "status_update", consultation_id: uniqueId(), new_status: 5 }));
    expect(invalid.status).toBe(400);
    const db = await app.db.readDb();
    const rows = await db.webhookDelivery.findMany({ where: { outcome: { in: ["unauthorized", "rejected"] }, receivedAt: { gt: daysAgo(1) } }, select: { outcome: true, unauthenticated: true } });
    expect(rows).toEqual(expect.arrayContaining([{ outcome: "unauthorized", unauthenticated: true }, { outcome: "rejected", unauthenticated: false }]));
  });

  it("deletes authenticated refusals after 30 days and sampled unauthenticated records after 7, each kind only its own", async () => {
    const refusedOld = await stored(31, { outcome: "rejected", httpStatus: 400, dedupKey: null, errorCode: "invalid_payload" });
    const refusedRecent = await stored(10, { outcome: "rejected", httpStatus: 400, dedupKey: null, errorCode: "invalid_payload" });
    const strangerOld = await stored(8, { outcome: "unauthorized", httpStatus: 401, dedupKey: null, rawBody: null, unauthenticated: true });
    const strangerTooLarge = await stored(8, { outcome: "rejected", httpStatus: 413, dedupKey: null, rawBody: null, unauthenticated: true });
    const strangerRecent = await stored(6, { outcome: "unauthorized", httpStatus: 401, dedupKey: null, rawBody: null, unauthenticated: true });
    const processedOld = await stored(40, { rawBody: null });

    expect(await app.retention.applyRetention("refused")).toBe(1);
    expect(await rowOf(refusedOld)).toBeNull();
    expect(await rowOf(refusedRecent)).not.toBeNull();
    // A stranger's 413 is not an authenticated refusal: it waits for the unauthenticated rule.
    expect(await rowOf(strangerTooLarge)).not.toBeNull();

    expect(await app.retention.applyRetention("unauthenticated")).toBe(2);
    expect(await rowOf(strangerOld)).toBeNull();
    expect(await rowOf(strangerTooLarge)).toBeNull();
    expect(await rowOf(strangerRecent)).not.toBeNull();
    expect(await rowOf(refusedRecent)).not.toBeNull();
    expect(await rowOf(processedOld)).not.toBeNull();
  });

  it("works in batches of the given size, reports each, and keeps everything when set to 0 days", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await stored(50, { outcome: "rejected", httpStatus: 400, dedupKey: null }));
    expect(await app.retention.applyRetention("refused", { days: 0 })).toBe(0);
    for (const id of ids) expect(await rowOf(id)).not.toBeNull();

    const batches: number[] = [];
    expect(await app.retention.applyRetention("refused", { batchSize: 2, pauseMs: 1, onBatch: (rows) => void batches.push(rows) })).toBe(5);
    expect(batches).toEqual([2, 2, 1]);
    for (const id of ids) expect(await rowOf(id)).toBeNull();
  });

  it("keeps answering webhooks while a long purge runs (small transactions, a pause between them)", async () => {
    for (let i = 0; i < 30; i++) {
      await app.db.writeBatch(async (session) => {
        for (let j = 0; j < 20; j++) {
          await app.store.insertDelivery(session, {
            receivedAt: daysAgo(10), outcome: "unauthorized", httpStatus: 401, type: null, consultationId: null, dedupKey: null, webhookId: null,
            bodySha256: null, bodyBytes: 0, rawBody: null, headers: "{}", errorCode: "unauthorized", errorDetail: null, unauthenticated: true,
          });
        }
      });
    }
    let purgeDone = false;
    const purge = app.retention.applyRetention("unauthenticated", { batchSize: 10, pauseMs: 20 }).then((rows) => ((purgeDone = true), rows));
    const answered: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await app.POST(app.webhookRequest(statusUpdate(uniqueId(), null, "new", "2024-05-02T10:00:00Z")));
      expect(response.status).toBe(200);
      answered.push(purgeDone);
    }
    // Every delivery was stored while the purge (60 batches) was still going.
    expect(answered.every((done) => !done)).toBe(true);
    expect(await purge).toBe(600);
  });

  it("runs as jobs that record the rows they touched", async () => {
    await stored(8, { outcome: "unauthorized", httpStatus: 401, dedupKey: null, rawBody: null, unauthenticated: true });
    const job = app.registry.findJob("retention-unauthenticated")!;
    expect(await app.run.runJobPeriod(job, new Date("2030-02-01T03:30:00Z"), "retention-test")).toMatchObject({ outcome: "succeeded", rowsTouched: 1 });
    const run = await (await app.db.readDb()).jobRun.findFirstOrThrow({ where: { job: job.name } });
    expect(run).toMatchObject({ outcome: "succeeded", rowsTouched: 1, instance: "retention-test" });
  });
});
