// The ingestion hot path's write connection, below Prisma: one better-sqlite3 connection with
// cached prepared statements (SQLite) or a small pg pool with named prepared statements
// (PostgreSQL). Profiling showed Prisma's raw-query machinery costing more CPU per webhook
// than the SQL itself; here a statement costs microseconds. Callers write portable SQL with
// `?` placeholders; this module is the only one that knows the dialect.
import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./db-config";

export type SqlParam = string | number | bigint | null | Date;

export interface WriteSession {
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, params: SqlParam[]): Promise<number>;
  /** Runs a statement and returns its first row (e.g. from RETURNING), if any. */
  get<T extends Record<string, unknown>>(sql: string, params: SqlParam[]): Promise<T | undefined>;
  /** Runs a query and returns every row. */
  all<T extends Record<string, unknown>>(sql: string, params: SqlParam[]): Promise<T[]>;
}

export interface Writer {
  /** Runs `work` in one transaction on the write connection; the caller serialises calls on SQLite. */
  transaction<T>(work: (session: WriteSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const maxCachedStatements = 500;

function sqliteWriter(file: string): Writer {
  const db = new Database(file, { timeout: 5000 });
  // WAL: readers never wait for this writer. FULL: a commit is on disk before we answer 2xx.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size < maxCachedStatements) statements.set(sql, statement);
    }
    return statement;
  };
  // Same text format as @prisma/adapter-better-sqlite3 ("iso8601"), so Prisma reads it back.
  const bind = (params: SqlParam[]) => params.map((p) => (p instanceof Date ? p.toISOString().replace("Z", "+00:00") : p));
  const session: WriteSession = {
    run: async (sql, params) => prepare(sql).run(...bind(params)).changes,
    get: async <T,>(sql: string, params: SqlParam[]) => prepare(sql).get(...bind(params)) as T | undefined,
    all: async <T,>(sql: string, params: SqlParam[]) => prepare(sql).all(...bind(params)) as T[],
  };
  return {
    async transaction(work) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(session);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    },
    async close() {
      db.close();
    },
  };
}

function postgresWriter(url: string): Writer {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const texts = new Map<string, { text: string; name?: string }>();
  const statement = (sql: string) => {
    let entry = texts.get(sql);
    if (!entry) {
      let index = 0;
      const text = sql.replace(/\?/g, () => `$${++index}`);
      entry = texts.size < maxCachedStatements ? { text, name: `care_desk_${texts.size}` } : { text };
      if (entry.name) texts.set(sql, entry);
    }
    return entry;
  };
  // Prisma keeps DateTime as UTC in `timestamp(3)`: send UTC text, whatever the server's zone.
  const bind = (params: SqlParam[]) => params.map((p) => (p instanceof Date ? p.toISOString() : typeof p === "bigint" ? p.toString() : p));
  return {
    async transaction(work) {
      const client = await pool.connect();
      const query = (sql: string, params: SqlParam[]) => client.query({ ...statement(sql), values: bind(params) });
      const session: WriteSession = {
        run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
        get: async <T,>(sql: string, params: SqlParam[]) => (await query(sql, params)).rows[0] as T | undefined,
        all: async <T,>(sql: string, params: SqlParam[]) => (await query(sql, params)).rows as T[],
      };
      let failed = false;
      try {
        await client.query("BEGIN");
        const result = await work(session);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        failed = true;
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        // A connection that failed mid-transaction is not reused: it may hold a broken state.
        client.release(failed);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

// SQLSTATEs of a transaction PostgreSQL aborted for a conflict with another one, so that running
// it again can succeed: 40P01 deadlock_detected, 40001 serialization_failure.
const retryableSqlStates = new Set(["40P01", "40001"]);

/**
 * Whether a failed write transaction may simply be run again, decided by the SQLSTATE pg puts on
 * the error (`code`), never by its message (which the server's locale translates). SQLite writes
 * are serialised in this process and never fail this way.
 */
export const isRetryableWriteError = (error: unknown): boolean =>
  error instanceof pg.DatabaseError && error.code !== undefined && retryableSqlStates.has(error.code);

export function createWriter(target: DatabaseTarget): Writer {
  return target.kind === "sqlite" ? sqliteWriter(target.file) : postgresWriter(target.url);
}
