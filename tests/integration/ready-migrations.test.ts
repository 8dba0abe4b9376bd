// GET /api/ready (and /api/health) on a database of this file's own whose newest migration is not
// applied: 503 until it is, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";

let drop: () => Promise<void>;
beforeAll(async () => {
  ({ drop } = await createIsolatedDatabase("ready"));
}, 60_000);
afterAll(async () => {
  await drop?.();
});

describe("GET /api/ready with a migration pending", () => {
  it("answers 503 not_ready until the migration is recorded as applied", async () => {
    const { writeBatch } = await import("@/lib/db");
    const { GET } = await import("@/app/api/ready/route");
    const newest = await writeBatch((session) =>
      session.get<{ migration_name: string }>(`SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`, []),
    );
    await writeBatch((session) => session.run(`UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ?`, [newest!.migration_name]));

    const pending = await GET(new Request("http://localhost/api/ready"));
    expect(pending.status).toBe(503);
    expect(await pending.json()).toEqual({ error: { code: "not_ready", message: expect.stringContaining("db:migrate") } });

    await writeBatch((session) => session.run(`UPDATE "_prisma_migrations" SET "finished_at" = "started_at" WHERE "migration_name" = ?`, [newest!.migration_name]));
    const current = await GET(new Request("http://localhost/api/ready"));
    expect(current.status).toBe(200);
    expect(await current.json()).toEqual({ status: "ready" });
  });
});
