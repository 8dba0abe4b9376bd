// readAggregate (lib/db.ts) runs the long counts (status counts, /insights) where they do not stop
// the server: on SQLite on a read-only connection in a worker thread, on PostgreSQL in the server.
// Shown by what a user would notice: a quick read asked while a long count runs answers first.
import { describe, expect, it } from "vitest";
import { Prisma, readAggregate, readDb } from "@/lib/db";
import { cachedStatusCounts, countConsultationsByStatus } from "@/lib/data/status-counts";

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
    const db = await readDb();
    // Other test files add consultations to the same database while this runs, so the counts are
    // compared with Prisma's only in a window where Prisma's counts were the same before and after.
    const prismaCounts = async () => ({
      total: await db.consultation.count(),
      closed: await db.consultation.count({ where: { status: "closed" } }),
    });
    let compared = false;
    for (let attempt = 0; attempt < 20 && !compared; attempt += 1) {
      const before = await prismaCounts();
      const counts = await countConsultationsByStatus();
      const after = await prismaCounts();
      expect(counts.new + counts.checking_medical_profile + counts.in_progress + counts.closed + counts.other).toBe(counts.total);
      if (before.total !== after.total || before.closed !== after.closed) continue;
      expect(counts.total).toBe(before.total);
      expect(counts.closed).toBe(before.closed);
      compared = true;
    }
    expect(compared).toBe(true);
    expect((await cachedStatusCounts()).total).toBeGreaterThanOrEqual(0);
  });
});
