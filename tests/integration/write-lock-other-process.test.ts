// On SQLite another process may write the same file while the app runs (the CLI: user:create,
// deliveries:reprocess; a migration). A write transaction that reads before it writes must then
// wait for the write lock, not fail: with a plain (deferred) BEGIN, a commit from the other
// process between the read and the write failed it at once with SQLITE_BUSY_SNAPSHOT, surfaced
// by Prisma as "Operation has timed out" (seen in erasure, settings and sign-in tests while other
// test files' servers wrote to the run's database).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { readDb, writeTransaction } from "@/lib/db";
import { uniqueId } from "../support/payloads";

// A second connection to the file stands for the other process: SQLite locks the same way.

describe.runIf(process.env.DATABASE_URL?.startsWith("file:"))("a write transaction while another process writes the SQLite file", () => {
  it("reads, lets the other connection commit, then writes, and commits", async () => {
    const db = await readDb();
    const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { timeout: 0 });
    const key = `write-lock-${uniqueId()}`;
    try {
      let othersCommit: string | null = null;
      await writeTransaction(async (tx) => {
        expect(await tx.setting.findUnique({ where: { key } })).toBeNull();
        try {
          // The other process's write, not waiting (timeout 0): refused while this transaction holds the lock.
          other.prepare("INSERT INTO \"Setting\" (\"key\", \"value\") VALUES (?, ?)").run(`${key}-other`, "from another process");
          othersCommit = "committed first";
        } catch (error) {
          othersCommit = (error as { code?: string }).code ?? String(error);
        }
        await tx.setting.create({ data: { key, value: "from the app" } });
      });
      expect(await db.setting.findUnique({ where: { key } })).toMatchObject({ value: "from the app" });
      // The app held the write lock from its first statement: the other connection could not commit in between.
      expect(othersCommit).toBe("SQLITE_BUSY");
    } finally {
      other.close();
    }
  });
});
