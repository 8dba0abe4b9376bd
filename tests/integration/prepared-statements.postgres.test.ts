// PostgreSQL: Prisma's statements are prepared once per connection under a name (lib/db-adapter.ts
// preparedStatementName), not parsed and planned again for every query; a long IN list, whose
// text differs with its length, stays unnamed.
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, readDb } from "@/lib/db";

afterAll(disconnectDb);

type Prepared = { name: string; statement: string };

describe("prepared statements", () => {
  it("names a model query, keeps it on the connection, and leaves a long IN list unnamed", async () => {
    const db = await readDb();
    const ids = Array.from({ length: 100 }, (_, index) => BigInt(index + 1));
    const prepared = await db.$transaction(async (tx) => {
      // One interactive transaction: every statement on the same connection.
      await tx.consultation.findUnique({ where: { id: 1n }, select: { id: true, status: true } });
      await tx.consultation.findUnique({ where: { id: 2n }, select: { id: true, status: true } });
      await tx.consultation.findMany({ where: { id: { in: ids } }, select: { id: true } });
      return tx.$queryRaw<Prepared[]>`SELECT name, statement FROM pg_prepared_statements`;
    });
    const named = prepared.filter((row) => row.name.startsWith("prisma_"));
    const lookups = named.filter((row) => /FROM "public"\."Consultation"/.test(row.statement) && /"id" = \$1/.test(row.statement));
    expect(lookups).toHaveLength(1);
    expect(named.some((row) => /"id" IN \(/.test(row.statement))).toBe(false);
    // The query that listed them was a plain SELECT with no parameters: named too.
    expect(named.some((row) => row.statement.includes("pg_prepared_statements"))).toBe(true);
  });
});
