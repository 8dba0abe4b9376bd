// Applies a provider's committed migrations to a database target.
import { createAdapterFactory } from "../../lib/db-adapter";
import type { DatabaseTarget } from "../../lib/db-config";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { loadMigrationList, noFilters, withSchemaEngine } from "./schema-engine";
import { schemaPath, type Provider } from "./prisma-schemas";

export const providerOf = (target: DatabaseTarget): Provider => (target.kind === "sqlite" ? "sqlite" : "postgresql");

export async function applyPendingMigrations(target: DatabaseTarget, migrationsDir?: string): Promise<string[]> {
  const factory = createAdapterFactory(target, 2);
  if (target.kind === "sqlite") enableWal(target.file);
  const provider = providerOf(target);
  const datamodels: [string, string][] = [[schemaPath(provider), readFileSync(schemaPath(provider), "utf8")]];
  return withSchemaEngine(factory, datamodels, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: loadMigrationList(provider, migrationsDir),
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
}

// WAL is a property of the database file: set it once here, before the app opens the file.
function enableWal(file: string): void {
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
