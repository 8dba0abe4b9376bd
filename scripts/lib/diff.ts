// Migration SQL between two versions of the models, computed by the schema engine without a database.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { composeSchema, schemaPath, type Provider } from "./prisma-schemas";
import { noFilters, withSchemaEngine } from "./schema-engine";

// The engine wants a live connection even for a datamodel-to-datamodel diff (it reads the
// server version at start-up), but it neither reads nor changes the database's schema.
const diffAdapter = (provider: Provider, postgresUrl: string) =>
  provider === "sqlite"
    ? new PrismaBetterSqlite3({ url: ":memory:" })
    : new PrismaPg({ connectionString: postgresUrl, max: 1 });

export const defaultPostgresUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

/** SQL that turns a database built from `previousModels` (or an empty one) into one for `models`. */
export async function diffModels(
  provider: Provider,
  previousModels: string | null,
  models: string,
  postgresUrl = defaultPostgresUrl,
): Promise<string> {
  const files = (text: string) => [{ path: schemaPath(provider), content: composeSchema(provider, text) }];
  const datamodels: [string, string][] = [[schemaPath(provider), composeSchema(provider, models)]];
  return withSchemaEngine(diffAdapter(provider, postgresUrl), datamodels, async (engine) => {
    const result = await engine.diff({
      from: previousModels === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: files(previousModels) },
      to: { tag: "schemaDatamodel", files: files(models) },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}

/** True when a diff script contains no statement. */
export const isEmptyMigration = (sql: string) =>
  sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
