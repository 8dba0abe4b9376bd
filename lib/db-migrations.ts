// Compares the committed migrations for the live database with those recorded in it.
import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { databaseKind, readDb } from "./db";

export type MigrationStatus = { upToDate: boolean; applied: number; pending: string[]; failed: string[] };

const migrationsFolder = path.join(process.cwd(), "prisma", databaseKind === "sqlite" ? "sqlite" : "postgres", "migrations");

export async function getMigrationStatus(): Promise<MigrationStatus> {
  const entries = await readdir(migrationsFolder, { withFileTypes: true });
  const expected = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const db = await readDb();
  const rows = await db.$queryRawUnsafe<{ migration_name: string; finished: number | boolean; rolled_back: number | boolean }[]>(
    `SELECT migration_name,
            CASE WHEN finished_at IS NULL THEN 0 ELSE 1 END AS finished,
            CASE WHEN rolled_back_at IS NULL THEN 0 ELSE 1 END AS rolled_back
       FROM _prisma_migrations`,
  );
  const applied = new Set(rows.filter((row) => Number(row.finished) === 1 && Number(row.rolled_back) === 0).map((row) => row.migration_name));
  const failed = rows.filter((row) => Number(row.finished) === 0 && Number(row.rolled_back) === 0).map((row) => row.migration_name);
  const pending = expected.filter((name) => !applied.has(name));
  return { upToDate: pending.length === 0 && failed.length === 0, applied: applied.size, pending, failed };
}
