// Fresh, throw-away databases for a bench run: SQLite in a temporary folder, PostgreSQL as
// care_desk_bench_<run> on the local server. Migrated with the committed migrations; dropped
// afterwards, unless kept (--keep-database) for a later run to measure again (--database-url).
// Refuses to touch anything it did not name.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import Database from "better-sqlite3";
import { resolveDatabase, type DatabaseTarget } from "../../lib/db-config";
import { applyPendingMigrations } from "../lib/migrate";
import type { SearchSamples } from "./seed";

export type DatabaseKind = DatabaseTarget["kind"];

export type BenchDatabase = {
  kind: DatabaseKind;
  target: DatabaseTarget;
  /** PostgreSQL backend processes serving this database (their CPU counts as the server's). */
  backendPids(): Promise<number[]>;
  drop(): Promise<void>;
  /** Lets go of the database without dropping it (--keep-database). */
  forget(): Promise<void>;
};

/** A database a bench run kept: measured again, never dropped. */
export type KeptDatabase = BenchDatabase & {
  countConsultations(): Promise<number>;
  /** What the seed would have sampled (pages to open, values to search for), read back from the rows. */
  sample(): Promise<Samples>;
};

export type Samples = { detailIds: number[]; memberIds: string[]; search: SearchSamples };

type Query = (sql: string, params: (number | string)[]) => Promise<Record<string, unknown>[]>;

/**
 * Up to 500 consultations with a recommendation, spread evenly over the ids (the seed numbers them
 * from 1), their members, and 20 of them for the searches: id, policy number, first drug, diagnosis.
 */
async function sampleRows(query: Query, consultations: number): Promise<Samples> {
  const pick = async (count: number) =>
    query(
      `SELECT "id", "userId", "policyNumber", "diagnosisCode", "recommendationId" FROM "Consultation"
        WHERE "recommendationId" IS NOT NULL AND "id" % ? = 0 ORDER BY "id" LIMIT ${count}`,
      [Math.max(1, Math.floor(consultations / count))],
    );
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null && value !== ""))];
  const detail = await pick(500);
  const searched = await pick(20);
  const drugNames: (string | null)[] = [];
  for (const row of searched) {
    const [drug] = await query(`SELECT "name" FROM "RecommendationDrug" WHERE "recommendationId" = ? AND "name" IS NOT NULL ORDER BY "position" LIMIT 1`, [Number(row.recommendationId)]);
    drugNames.push(text(drug?.name));
  }
  return {
    detailIds: detail.map((row) => Number(row.id)),
    memberIds: distinct(detail.map((row) => text(row.userId))),
    search: {
      id: searched.map((row) => String(row.id)),
      policyNumber: distinct(searched.map((row) => text(row.policyNumber))),
      drugName: distinct(drugNames),
      icd10Code: distinct(searched.map((row) => text(row.diagnosisCode))),
    },
  };
}

const localHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export async function createDatabase(kind: DatabaseKind, runId: string, postgresAdminUrl: string): Promise<BenchDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-bench-"));
    const target = resolveDatabase(`file:${path.join(dir, "care-desk.db")}`);
    await applyPendingMigrations(target);
    return { kind, target, backendPids: async () => [], drop: async () => rmSync(dir, { recursive: true, force: true }), forget: async () => {} };
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
    forget: async () => client.end(),
  };
}

export const kindOfUrl = (url: string): DatabaseKind => resolveDatabase(url).kind;

/**
 * A database an earlier run kept: only bench databases (a temporary care-desk-bench-* folder or
 * a local care_desk_bench_* database), since the run writes to it. Pending migrations are applied.
 */
export async function openKeptDatabase(url: string): Promise<KeptDatabase> {
  const target = resolveDatabase(url);
  if (target.kind === "sqlite") {
    if (!path.basename(path.dirname(target.file)).startsWith("care-desk-bench-")) throw new Error(`${target.file} is not a bench database (care-desk-bench-*/)`);
    await applyPendingMigrations(target);
    const countConsultations = async () => {
      const db = new Database(target.file, { readonly: true });
      try {
        return Number((db.prepare('SELECT COUNT(*) AS "n" FROM "Consultation"').get() as { n: number }).n);
      } finally {
        db.close();
      }
    };
    const sample = async () => {
      const db = new Database(target.file, { readonly: true });
      try {
        return await sampleRows(async (sql, params) => db.prepare(sql).all(...params) as Record<string, unknown>[], await countConsultations());
      } finally {
        db.close();
      }
    };
    return { kind: "sqlite", target, backendPids: async () => [], drop: async () => {}, forget: async () => {}, countConsultations, sample };
  }
  const parsed = new URL(target.url);
  const name = parsed.pathname.slice(1);
  if (!localHosts.has(parsed.hostname) || !/^care_desk_bench_[a-z0-9_]+$/.test(name)) throw new Error(`${name} is not a local bench database (care_desk_bench_*)`);
  await applyPendingMigrations(target);
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  await client.connect();
  const countConsultations = async () => Number((await client.query<{ n: string }>('SELECT COUNT(*) AS "n" FROM "Consultation"')).rows[0]!.n);
  return {
    kind: "postgresql",
    target,
    backendPids: async () =>
      (await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])).rows.map((row) => row.pid),
    drop: async () => client.end(),
    forget: async () => client.end(),
    countConsultations,
    sample: async () => {
      const query: Query = async (sql, params) => {
        let index = 0;
        return (await client.query(sql.replace(/\?/g, () => `$${++index}`), params)).rows as Record<string, unknown>[];
      };
      return sampleRows(query, await countConsultations());
    },
  };
}
