// Prisma's SQLite connections compile each statement once (lib/db-statement-cache.ts), through
// the real driver adapter and better-sqlite3: the same answers as before, one compilation per text.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createAdapterFactory } from "@/lib/db-adapter";
import { cachesStatements, cacheStatements } from "@/lib/db-statement-cache";

const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-statements-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const statementPrototype = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Database.Statement;
const int = { scalarType: "int", arity: "scalar" } as const;
const text = { scalarType: "string", arity: "scalar" } as const;

describe("the SQLite statement cache", () => {
  it("is on the driver adapter's connection, and each query text is compiled once whatever its arguments", async () => {
    const compiled = vi.spyOn(Database.prototype, "prepare");
    const file = path.join(dir, "adapter.db");
    const adapter = await createAdapterFactory({ kind: "sqlite", url: `file:${file}`, file }).connect();
    try {
      expect(cachesStatements((adapter as unknown as { client: unknown }).client)).toBe(true);
      await adapter.executeScript('CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)');
      const insert = 'INSERT INTO "Note" ("id", "text") VALUES (?, ?)';
      const select = 'SELECT "id", "text" FROM "Note" WHERE "id" >= ? ORDER BY "id"';
      compiled.mockClear();
      const described = vi.spyOn(statementPrototype, "columns");
      for (const [id, words] of [[1, "first"], [2, "second"], [3, "third"]] as const) {
        expect(await adapter.executeRaw({ sql: insert, args: [id, words], argTypes: [int, text] })).toBe(1);
      }
      const fromTwo = await adapter.queryRaw({ sql: select, args: [2], argTypes: [int] });
      const fromOne = await adapter.queryRaw({ sql: select, args: [1], argTypes: [int] });
      expect(fromTwo.columnNames).toEqual(["id", "text"]);
      expect(fromTwo.rows.map((row) => row[1])).toEqual(["second", "third"]);
      expect(fromOne.rows.map((row) => row[1])).toEqual(["first", "second", "third"]);
      expect(compiled.mock.calls.map(([sql]) => sql)).toEqual([insert, select]);
      // Its columns described once for both runs, and the second run's answer still typed by them.
      expect(described).toHaveBeenCalledTimes(1);
      expect(fromOne.columnNames).toEqual(["id", "text"]);
      expect(fromOne.rows.map((row) => typeof row[0])).toEqual(["number", "number", "number"]);

      // A failing statement (a duplicate key) leaves its cached statement usable.
      await expect(adapter.executeRaw({ sql: insert, args: [1, "again"], argTypes: [int, text] })).rejects.toThrow();
      expect(await adapter.executeRaw({ sql: insert, args: [4, "fourth"], argTypes: [int, text] })).toBe(1);
    } finally {
      await adapter.dispose();
    }
  });

  it("keeps at most its bound, the least recently used leaving first", () => {
    const db = new Database(":memory:");
    const compiled = vi.spyOn(db, "prepare");
    cacheStatements(db, 2);
    const query = (n: number) => (db.prepare(`SELECT ${n} AS "n"`) as unknown as { raw(): { all(): unknown[][] } }).raw().all();
    expect([query(1), query(2), query(1), query(3), query(1), query(2)]).toEqual([[[1]], [[2]], [[1]], [[3]], [[1]], [[2]]]);
    // 1 and 2 compiled, 1 reused, 3 pushes out 2 (1 was used since), 1 reused, 2 compiled again.
    expect(compiled.mock.calls.map(([sql]) => sql)).toEqual(['SELECT 1 AS "n"', 'SELECT 2 AS "n"', 'SELECT 3 AS "n"', 'SELECT 2 AS "n"']);
    db.close();
  });
});
