// Against the real server (`next start`) over loopback: a bounded load of deliveries with
// duplicates, then a SIGKILL in the middle of a stream. Every distinct event is stored exactly
// once, and every delivery that was answered 2xx survives the crash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { eventsFor, post, serverEnv, type Delivery } from "../support/deliveries";
import { pool, startNextServer, type RunningServer } from "../support/next-server";
import { uniqueId } from "../support/payloads";

describe("the real server over loopback", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNextServer(serverEnv());
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("stores 2,000+ deliveries at concurrency 16 with duplicates: every distinct event exactly once", async () => {
    const ids = Array.from({ length: 340 }, () => uniqueId());
    const events = eventsFor(ids, "2024-07-01"); // 1,700 distinct deliveries
    const duplicates = events.filter((_, i) => i % 5 === 0); // 340 redeliveries with the same webhook-id
    const stream = [...events, ...duplicates].sort((a, b) => (a.webhookId.length * 31 + a.webhookId.charCodeAt(a.webhookId.length - 1)) % 7 - (b.webhookId.length * 31 + b.webhookId.charCodeAt(b.webhookId.length - 1)) % 7);
    expect(stream.length).toBeGreaterThanOrEqual(2000);

    const results = await pool(stream, 16, (delivery) => post(server.url, delivery));
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(results.filter((r) => r.outcome === "processed")).toHaveLength(events.length);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(duplicates.length);

    const db = await readDb();
    const consultationIds = ids.map(BigInt);
    expect(await db.statusChange.count({ where: { consultationId: { in: consultationIds } } })).toBe(ids.length * 4);
    expect(await db.recommendation.count({ where: { consultationId: { in: consultationIds } } })).toBe(ids.length);
    expect(await db.recommendationDrug.count({ where: { recommendation: { consultationId: { in: consultationIds } } } })).toBe(ids.length * 2);
    expect(await db.consultation.count({ where: { id: { in: consultationIds }, status: "closed", drugCount: 2 } })).toBe(ids.length);
    expect(await db.webhookDelivery.count({ where: { consultationId: { in: consultationIds }, outcome: "processed" } })).toBe(events.length);
  }, 180_000);

  it("keeps every delivery it answered 2xx when killed with SIGKILL mid-stream", async () => {
    const ids = Array.from({ length: 200 }, () => uniqueId());
    const events = eventsFor(ids, "2024-07-02");
    const acknowledged: { delivery: Delivery; deliveryId: number }[] = [];
    let killed = false;

    await pool(events, 8, async (delivery) => {
      if (killed) return;
      try {
        const result = await post(server.url, delivery);
        if (result.status === 200 && result.deliveryId) acknowledged.push({ delivery, deliveryId: result.deliveryId });
      } catch {
        return; // the connection died with the server: no answer, so no promise was made
      }
      if (!killed && acknowledged.length >= 300) {
        killed = true;
        server.process.kill("SIGKILL");
      }
    });
    expect(killed).toBe(true);
    await new Promise((resolve) => (server.process.exitCode !== null || server.process.signalCode !== null ? resolve(null) : server.process.once("exit", resolve)));

    // Restart on the same database: everything acknowledged is there, and the stream resumes.
    server = await startNextServer(serverEnv());
    const db = await readDb();
    const stored = await db.webhookDelivery.findMany({
      where: { id: { in: acknowledged.map((a) => a.deliveryId) } },
      select: { id: true, webhookId: true, outcome: true },
    });
    expect(stored).toHaveLength(acknowledged.length);
    expect(new Set(stored.map((s) => s.webhookId))).toEqual(new Set(acknowledged.map((a) => a.delivery.webhookId)));
    for (const { delivery } of acknowledged) {
      const body = delivery.body as { type: string; consultation_id: number; new_status?: string };
      const where = { consultationId: BigInt(body.consultation_id) };
      const count =
        body.type === "status_update"
          ? await db.statusChange.count({ where: { ...where, newStatus: body.new_status! } })
          : await db.recommendation.count({ where });
      expect(count, delivery.webhookId).toBe(1);
    }

    // The sender retries everything (acknowledged or not): the end state is complete and single.
    const retried = await pool(events, 8, (delivery) => post(server.url, delivery));
    expect(retried.filter((r) => r.status !== 200)).toEqual([]);
    expect(await db.statusChange.count({ where: { consultationId: { in: ids.map(BigInt) } } })).toBe(ids.length * 4);
    expect(await db.recommendation.count({ where: { consultationId: { in: ids.map(BigInt) } } })).toBe(ids.length);
  }, 180_000);
});
