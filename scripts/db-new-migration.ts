// npm run db:new-migration -- <name>
// After editing prisma/models.prisma: writes one new migration per provider (SQLite and
// PostgreSQL), both diffed from prisma/models.migrated.prisma (the models as of the last
// migration), then updates that snapshot and the two provider schemas. The PostgreSQL diff
// talks to DATABASE_URL when it names PostgreSQL, otherwise to the local server.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { composeSchema, migrationsDir, modelsPath, root, schemaPath, type Provider } from "./lib/prisma-schemas";
import { defaultPostgresUrl, diffModels, isEmptyMigration } from "./lib/diff";
import { env } from "../lib/env";
import { lockfileContent } from "./lib/schema-engine";

export const snapshotPath = path.join(root, "prisma/models.migrated.prisma");

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>   (e.g. add_referral_notes)");
  process.exit(2);
}

const models = readFileSync(modelsPath, "utf8");
const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, "utf8") : null;
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);

// The PostgreSQL diff needs a server to talk to (it changes nothing there).
const postgresUrl = env.DATABASE_URL.startsWith("postgres") ? env.DATABASE_URL : defaultPostgresUrl;
const scripts = new Map<Provider, string>();
for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  scripts.set(provider, await diffModels(provider, previous, models, postgresUrl));
}
if ([...scripts.values()].every(isEmptyMigration)) {
  // A change that alters no table (comments, documentation) needs no migration, but the
  // snapshot must still follow the models, or the drift test would fail with no way out.
  for (const provider of scripts.keys()) writeFileSync(schemaPath(provider), composeSchema(provider, models));
  writeFileSync(snapshotPath, models);
  console.log("prisma/models.prisma changes no table since the last migration: no migration written, snapshot updated.");
  process.exit(0);
}
for (const [provider, sql] of scripts) {
  const dir = path.join(migrationsDir(provider), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  writeFileSync(path.join(migrationsDir(provider), "migration_lock.toml"), lockfileContent(provider));
  writeFileSync(schemaPath(provider), composeSchema(provider, models));
  console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
}
writeFileSync(snapshotPath, models);
