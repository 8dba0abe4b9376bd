// Fresh, throw-away databases for a bench run: SQLite in a temporary folder, PostgreSQL as
// care_desk_bench_<run> on the local server. Migrated with the committed migrations; dropped
// afterwards. Refuses to touch anything it did not name.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { resolveDatabase, type DatabaseTarget } from "../../lib/db-config";
import { applyPendingMigrations } from "../lib/migrate";

export type DatabaseKind = DatabaseTarget["kind"];

export type BenchDatabase = {
  kind: DatabaseKind;
  target: DatabaseTarget;
  /** PostgreSQL backend processes serving this database (their CPU counts as the server's). */
  backendPids(): Promise<number[]>;
  drop(): Promise<void>;
};

const localHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export async function createDatabase(kind: DatabaseKind, runId: string, postgresAdminUrl: string): Promise<BenchDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-bench-"));
    const target = resolveDatabase(`file:${path.join(dir, "care-desk.db")}`);
    await applyPendingMigrations(target);
    return { kind, target, backendPids: async () => [], drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }

  const admin = new URL(postgresAdminUrl);
  if (!localHosts.has(admin.hostname)) throw new Error(`The bench only uses a local PostgreSQL, not ${admin.hostname}`);
  const name = `care_desk_bench_${runId}`;
  if (!/^care_desk_bench_[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected bench database name ${name}`);
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL does not answer at ${admin.host} (${(error as Error).message}); start it or pass --postgres-url, or run with --databases sqlite`);
  }
  await client.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const target = resolveDatabase(url.toString());
  await applyPendingMigrations(target);
  return {
    kind,
    target,
    backendPids: async () =>
      (await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])).rows.map(
        (row) => row.pid,
      ),
    drop: async () => {
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
