// applyPendingMigrations runs inside long-lived processes (`npm start`, the e2e server) that go
// on to serve the same database from a child: it must leave no connection (and no lock) behind.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyPendingMigrations } from "@/scripts/lib/migrate";
import { assertDisposable, createTestDatabase, dropTestDatabase, siblingTestDatabase } from "@/tests/setup/test-database";

const current = assertDisposable(process.env.DATABASE_URL!);

const throwAwayTarget = () => siblingTestDatabase(process.env.DATABASE_URL!, "apply");

describe(`applyPendingMigrations (${current.kind})`, () => {
  const target = throwAwayTarget();

  afterAll(async () => {
    await dropTestDatabase(target);
  });

  it("applies every migration once, then releases the database", async () => {
    await createTestDatabase(target);
    const applied = await applyPendingMigrations(target);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyPendingMigrations(target)).toEqual([]);

    if (target.kind === "sqlite") {
      // No busy wait: a lock still held by this process fails at once.
      const other = new Database(target.file, { timeout: 0 });
      try {
        expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
        other.exec("CREATE TABLE lock_probe (x INTEGER); DROP TABLE lock_probe;");
      } finally {
        other.close();
      }
    } else {
      // DROP DATABASE without FORCE fails while any session is still connected to it.
      const url = new URL(target.url);
      const name = url.pathname.slice(1);
      url.pathname = "/postgres";
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
    }
  });
});
