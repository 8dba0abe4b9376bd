// A normalised, column-order-independent description of a database's schema, so that two
// databases built by different routes (migrations vs. a from-empty diff) can be compared.
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../lib/db-config";

/** Tables the migration tooling owns; they are not part of the models. */
const toolingTables = new Set(["_prisma_migrations"]);

export type SchemaDescription = Record<string, unknown[]>;

export function describeSchema(target: DatabaseTarget): Promise<SchemaDescription> {
  return target.kind === "sqlite" ? Promise.resolve(describeSqlite(target.file)) : describePostgres(target.url);
}

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const sorted = <T>(rows: T[]) => [...rows].sort(byJson);

function describeSqlite(file: string): SchemaDescription {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .filter((table) => !toolingTables.has(table.name));
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    return {
      tables: tables.map((table) => ({
        table: table.name,
        // AUTOINCREMENT is invisible to the pragmas but changes how ids are handed out.
        autoincrement: /\bAUTOINCREMENT\b/i.test(table.sql),
        columns: sorted(
          db
            .prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
              `PRAGMA table_info(${quote(table.name)})`,
            )
            .all()
            .map(({ name, type, notnull, dflt_value, pk }) => ({ name, type, notnull, default: dflt_value, pk })),
        ),
        indexes: sorted(
          db
            .prepare<[], { name: string; unique: number; origin: string; partial: number }>(
              `PRAGMA index_list(${quote(table.name)})`,
            )
            .all()
            .map((index) => ({
              name: index.name,
              unique: index.unique,
              origin: index.origin,
              partial: index.partial,
              // In index order (it matters); index_xinfo also tells the sort direction and collation.
              columns: db
                .prepare<[], { seqno: number; name: string | null; desc: number; coll: string; key: number }>(
                  `PRAGMA index_xinfo(${quote(index.name)})`,
                )
                .all()
                .filter((column) => column.key === 1)
                .map(({ name, desc, coll }) => ({ name, desc, coll })),
            })),
        ),
        foreignKeys: sorted(
          db
            .prepare<[], { table: string; from: string; to: string; on_update: string; on_delete: string; match: string }>(
              `PRAGMA foreign_key_list(${quote(table.name)})`,
            )
            .all()
            .map(({ table: references, from, to, on_update, on_delete, match }) => ({ references, from, to, on_update, on_delete, match })),
        ),
      })),
    };
  } finally {
    db.close();
  }
}

async function describePostgres(url: string): Promise<SchemaDescription> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const excluded = [...toolingTables];
    const query = async (sql: string) => sorted((await client.query(sql, [excluded])).rows);
    return {
      columns: await query(
        `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
                numeric_scale, datetime_precision, is_nullable, column_default, is_identity, is_generated
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name <> ALL($1)`,
      ),
      indexes: await query(
        `SELECT tablename, indexname, indexdef
           FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename <> ALL($1)`,
      ),
      constraints: await query(
        `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
           FROM pg_constraint con
           JOIN pg_class rel ON rel.oid = con.conrelid
          WHERE rel.relnamespace = current_schema()::regnamespace AND rel.relname <> ALL($1)`,
      ),
      enums: await query(
        `SELECT t.typname, e.enumsortorder, e.enumlabel
           FROM pg_type t
           JOIN pg_enum e ON e.enumtypid = t.oid
          WHERE t.typnamespace = current_schema()::regnamespace AND t.typname <> ALL($1)`,
      ),
    };
  } finally {
    await client.end();
  }
}
