// The migration that stores a recommendation's body once (in its delivery, not also in the
// recommendation) copies before it drops: a database from before it keeps every body.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/db-config";
import { applyPendingMigrations, providerOf } from "@/scripts/lib/migrate";
import { migrationsDir } from "@/scripts/lib/prisma-schemas";
import { assertDisposable, createTestDatabase, dropTestDatabase, siblingTestDatabase } from "@/tests/setup/test-database";

const migration = "20261201111448_recommendation_body_in_delivery";
const current = assertDisposable(process.env.DATABASE_URL!);

type Sql = { run(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>; close(): Promise<void> };

async function connect(target: DatabaseTarget): Promise<Sql> {
  if (target.kind === "sqlite") {
    const db = new Database(target.file);
    return {
      run: async (sql, params = []) => {
        const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
        return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
      },
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return { run: async (sql, params = []) => (await client.query(sql, params)).rows, close: () => client.end() };
}

describe(`the body-once migration (${current.kind})`, () => {
  const target = siblingTestDatabase(process.env.DATABASE_URL!, "bodyonce");
  const before = mkdtempSync(path.join(os.tmpdir(), "care-desk-migrations-"));

  afterAll(async () => {
    await dropTestDatabase(target);
    rmSync(before, { recursive: true, force: true });
  });

  it("points each version at the delivery holding its body, and moves a body no delivery holds into one", async () => {
    await createTestDatabase(target);
    // The database as it was: every migration before this one.
    cpSync(migrationsDir(providerOf(target)), before, { recursive: true });
    rmSync(path.join(before, migration), { recursive: true });
    await applyPendingMigrations(target, before);

    const withDelivery = JSON.stringify({ type: "recommendation_data", consultation_id: 11, data: { note: "in the inbox" } });
    const orphan = JSON.stringify({ type: "recommendation_data", consultation_id: 12, data: { note: "only in the version, ☤" } });
    const sql = await connect(target);
    try {
      const now = new Date("2026-11-30T10:00:00Z").toISOString();
      for (const id of [11, 12]) {
        await sql.run(`INSERT INTO "Consultation" ("id", "firstSeenAt", "lastEventTime", "lastEventUs", "updatedAt") VALUES ($1, $2, 'x', 1, $3)`, [id, now, now]);
      }
      await sql.run(
        `INSERT INTO "WebhookDelivery" ("receivedAt", "outcome", "httpStatus", "type", "consultationId", "bodyBytes", "rawBody", "headers")
         VALUES ($1, 'processed', 200, 'recommendation_data', 11, $2, $3, '{}')`,
        [now, Buffer.byteLength(withDelivery), withDelivery],
      );
      for (const [id, body] of [[11, withDelivery], [12, orphan]] as const) {
        await sql.run(
          `INSERT INTO "Recommendation" ("consultationId", "eventTime", "eventUs", "receivedAt", "contentSha", "rawJson") VALUES ($1, 'x', 1, $2, $3, $4)`,
          [id, now, `sha-${id}`, body],
        );
      }
    } finally {
      await sql.close();
    }

    expect(await applyPendingMigrations(target)).toEqual([migration]);

    const after = await connect(target);
    try {
      const versions = await after.run(
        `SELECT r."consultationId" AS consultation, d."rawBody" AS body, d."outcome" AS outcome, d."bodyBytes" AS bytes
         FROM "Recommendation" r JOIN "WebhookDelivery" d ON d."id" = r."deliveryId" ORDER BY r."consultationId"`,
      );
      expect(versions.map((row) => ({ ...row, consultation: Number(row.consultation), bytes: Number(row.bytes) }))).toEqual([
        { consultation: 11, body: withDelivery, outcome: "processed", bytes: Buffer.byteLength(withDelivery) },
        { consultation: 12, body: orphan, outcome: "processed", bytes: Buffer.byteLength(orphan) },
      ]);
      // One delivery per body: the one already in the inbox was not copied again.
      expect(Number((await after.run(`SELECT count(*) AS n FROM "WebhookDelivery"`))[0]!.n)).toBe(2);
      const columns =
        target.kind === "sqlite"
          ? (await after.run(`SELECT name FROM pragma_table_info('Recommendation')`)).map((row) => row.name)
          : (await after.run(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'Recommendation'`)).map((row) => row.name);
      expect(columns).not.toContain("rawJson");
    } finally {
      await after.close();
    }
  });
});
