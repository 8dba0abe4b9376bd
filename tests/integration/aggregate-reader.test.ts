// readAggregate (lib/db.ts) runs the long counts (status counts, /insights) where they do not stop
// the server: on SQLite on a read-only connection in a worker thread, on PostgreSQL in the server.
// Shown by what a user would notice: a quick read asked while a long count runs answers first.
// A database of this file's own: the status counts are whole-table counts, and other files add
// consultations to the shared database while this one runs.
import { afterAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";

const isolated = await createIsolatedDatabase("aggregates");
const { Prisma, readAggregate, readDb } = await import("@/lib/db");
const { cachedStatusCounts, countConsultationsByStatus } = await import("@/lib/data/status-counts");
const { statusUpdate, uniqueId } = await import("../support/payloads");
const { routeHandler } = await import("../support/route-handler");
const { deliver } = await import("../support/webhooks");

afterAll(async () => {
  await isolated.drop();
});

/** A count that takes the database a second or more: a recursive CTE of a few million rows. */
const longCount = Prisma.sql`
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${4_000_000})
  SELECT COUNT(*) AS "count" FROM n`;

describe("long aggregates", () => {
  it("give their rows, and a quick read asked while one runs answers before it", async () => {
    const db = await readDb();
    const order: string[] = [];
    const long = readAggregate<{ count: unknown }>(longCount).then((rows) => {
      order.push("long count");
      return rows;
    });
    // Give the count a moment to start where it runs (the other thread, or the database).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const quick = db.setting.findFirst().then(() => order.push("quick read"));
    const [rows] = await Promise.all([long, quick]);
    expect(rows.map((row) => Number(row.count))).toEqual([4_000_000]);
    expect(order).toEqual(["quick read", "long count"]);
  }, 60_000);

  it("count consultations per status as the list shows them", async () => {
    // One consultation per status, two in progress, one in a status Altibbi does not document.
    const statuses = ["new", "checking_medical_profile", "in_progress", "in_progress", "closed", "accepted"];
    for (const status of statuses) await deliver(routeHandler, statusUpdate(uniqueId(), null, status, "2024-05-01T10:00:00Z"));
    const counts = await countConsultationsByStatus();
    expect(counts).toMatchObject({ new: 1, checking_medical_profile: 1, in_progress: 2, closed: 1, other: 1, total: 6 });
    expect(counts.total).toBe(await (await readDb()).consultation.count());
    expect((await cachedStatusCounts()).total).toBe(6);
  });
});
