// Which failed write transactions the ingestion retries (lib/db-writer.ts isRetryableWriteError),
// on errors a real PostgreSQL raises: a deadlock between two transactions is retried, decided by
// its SQLSTATE (40P01); other failures, and an error that merely says "deadlock", are not.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRetryableWriteError } from "@/lib/db-writer";
import { createTestDatabase, dropTestDatabase, siblingTestDatabase } from "@/tests/setup/test-database";

// Its table lives in a database of its own: in the run's database, other files (migrations.test.ts
// compares the whole schema with prisma/models.prisma) would see it.
const target = siblingTestDatabase(process.env.DATABASE_URL!, "write_retry");
const connectionString = target.kind === "postgresql" ? target.url : "";
const table = "write_retry";
const first = new pg.Client({ connectionString });
const second = new pg.Client({ connectionString });

beforeAll(async () => {
  await createTestDatabase(target);
  await Promise.all([first.connect(), second.connect()]);
  await first.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
  await first.query(`INSERT INTO ${table} VALUES (1, 0), (2, 0)`);
});

afterAll(async () => {
  await Promise.all([first.end(), second.end()]);
  await dropTestDatabase(target);
});

/** Runs `sql` in the client's open transaction, and rolls it back if it fails; the error, or null. */
const failureOf = (client: pg.Client, sql: string) =>
  client.query(sql).then(
    () => null,
    async (error: unknown) => {
      await client.query("ROLLBACK");
      return error;
    },
  );

describe("retrying a write transaction", () => {
  it("retries the transaction PostgreSQL aborts for a deadlock", async () => {
    await first.query("BEGIN");
    await second.query("BEGIN");
    await first.query(`UPDATE ${table} SET n = n + 1 WHERE id = 1`);
    await second.query(`UPDATE ${table} SET n = n + 1 WHERE id = 2`);
    // Each now waits for the row the other holds: PostgreSQL aborts one of them.
    const failures = await Promise.all([
      failureOf(first, `UPDATE ${table} SET n = n + 1 WHERE id = 2`),
      failureOf(second, `UPDATE ${table} SET n = n + 1 WHERE id = 1`),
    ]);
    for (const client of [first, second]) await client.query("ROLLBACK").catch(() => undefined);

    const victims = failures.filter((failure) => failure !== null);
    expect(victims).toHaveLength(1);
    expect((victims[0] as pg.DatabaseError).code).toBe("40P01");
    expect(isRetryableWriteError(victims[0])).toBe(true);
  });

  it("does not retry other failures, nor an error that only says it is a deadlock", async () => {
    await first.query("BEGIN");
    const duplicateKey = await failureOf(first, `INSERT INTO ${table} VALUES (1, 0)`);
    expect((duplicateKey as pg.DatabaseError).code).toBe("23505");
    expect(isRetryableWriteError(duplicateKey)).toBe(false);
    expect(isRetryableWriteError(new Error("deadlock detected (40P01)"))).toBe(false);
  });
});
