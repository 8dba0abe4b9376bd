// Several app instances behind one PostgreSQL (SQLite serves one instance by design, so this
// file runs in the postgres project only): every event goes to both instances at once, so they
// race on the same rows and keys, redeliveries crossing instances. No 5xx, nothing lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { pool, startNextServer, type RunningServer } from "../support/next-server";
import { eventsFor, post, serverEnv, type Delivery } from "../support/deliveries";
import { uniqueId } from "../support/payloads";

describe("two instances on one PostgreSQL", () => {
  let server: RunningServer;
  let second: RunningServer;
  beforeAll(async () => {
    [server, second] = await Promise.all([startNextServer(serverEnv()), startNextServer(serverEnv())]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), second?.stop()]);
  });

  it("stores every event once when both instances receive every delivery concurrently", async () => {
    const ids = Array.from({ length: 60 }, () => uniqueId());
    const events = eventsFor(ids, "2024-07-03");
    // Every event goes to both instances at once, so they race on the same rows and keys.
    const stream = events.flatMap((event, i) => (i % 2 ? [[server.url, event], [second.url, event]] : [[second.url, event], [server.url, event]]) as [string, Delivery][]);
    const results = await pool(stream, 24, ([url, delivery]) => post(url, delivery));
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(results.filter((r) => r.outcome === "processed")).toHaveLength(events.length);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(events.length);

    const db = await readDb();
    const where = { consultationId: { in: ids.map(BigInt) } };
    expect(await db.statusChange.count({ where })).toBe(ids.length * 4);
    expect(await db.recommendation.count({ where })).toBe(ids.length);
    expect(await db.consultation.count({ where: { id: { in: ids.map(BigInt) }, status: "closed" } })).toBe(ids.length);
  }, 180_000);
});
