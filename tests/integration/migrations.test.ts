// The committed migrations must build exactly the schema that prisma/models.prisma describes.
// The test database (built from the migrations by the global setup) is compared with a second,
// throw-away database built from a from-empty diff of the current models.
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/db-config";
import { diffModels } from "@/scripts/lib/diff";
import { providerOf } from "@/scripts/lib/migrate";
import { modelsPath } from "@/scripts/lib/prisma-schemas";
import { describeSchema } from "@/tests/support/describe-schema";
import { assertDisposable, createTestDatabase, dropTestDatabase, siblingTestDatabase } from "@/tests/setup/test-database";

const migrated = assertDisposable(process.env.DATABASE_URL!);

const throwAwayTarget = () => siblingTestDatabase(process.env.DATABASE_URL!, "models");

async function executeScript(target: DatabaseTarget, sql: string): Promise<void> {
  if (target.kind === "sqlite") {
    const db = new Database(target.file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe(`migrations (${migrated.kind})`, () => {
  const fromModels = throwAwayTarget();

  beforeAll(async () => {
    await createTestDatabase(fromModels);
    const sql = await diffModels(
      providerOf(migrated),
      null,
      readFileSync(modelsPath, "utf8"),
      fromModels.kind === "postgresql" ? fromModels.url : undefined,
    );
    await executeScript(fromModels, sql);
  });

  afterAll(async () => {
    await dropTestDatabase(fromModels);
  });

  it("build the same schema as prisma/models.prisma", async () => {
    const expected = await describeSchema(fromModels);
    const actual = await describeSchema(migrated);
    expect(Object.values(expected).some((rows) => rows.length > 0), "the from-models database is empty").toBe(true);
    expect(
      actual,
      "the committed migrations do not build the schema of prisma/models.prisma: run `npm run db:new-migration -- <name>` " +
        "(never edit an applied migration)",
    ).toEqual(expected);
  });
});
