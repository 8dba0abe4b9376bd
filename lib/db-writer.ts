// The ingestion hot path's write connection, below Prisma: one better-sqlite3 connection with
// cached prepared statements, in a worker thread (SQLite), or a small pg pool with named prepared
// statements (PostgreSQL). Profiling showed Prisma's raw-query machinery costing more CPU per webhook
// than the SQL itself; here a statement costs microseconds. Callers write portable SQL with
// `?` placeholders; this module is the only one that knows the dialect.
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
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

/**
 * A transaction's session, refusing statements once the transaction is over: a statement a
 * caller issued without waiting for it (Promise.all) and sent after the COMMIT or ROLLBACK
 * would otherwise run outside the transaction, or on a connection already given to another.
 */
function endableSession(session: WriteSession): WriteSession & { end(): void } {
  let ended = false;
  const refuse = () => Promise.reject(new Error("the transaction is over: a statement came after its end"));
  return {
    run: (sql, params) => (ended ? refuse() : session.run(sql, params)),
    get: (sql, params) => (ended ? refuse() : session.get(sql, params)),
    all: (sql, params) => (ended ? refuse() : session.all(sql, params)),
    end: () => {
      ended = true;
    },
  };
}

type Op =
  | { op: "run" | "get" | "all"; key: number; sql?: string; params: SqlParam[] }
  | { op: "begin" | "commit" | "rollback" | "close" };
type Pending = { op: Op; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Reply = { id: number; results?: unknown[]; failed?: number; error?: { name: string; message: string; code?: string } };

/** An error the SQLite worker reported, with better-sqlite3's name and code (e.g. SQLITE_BUSY). */
export class SqliteWriteError extends Error {
  readonly code: string | undefined;
  constructor(reported: { name: string; message: string; code?: string }) {
    super(reported.message);
    this.name = reported.name;
    this.code = reported.code;
  }
}

// The worker is a plain JavaScript file in lib/. `next build` (Turbopack) recognises this
// `new Worker(path)` and bundles the file as a worker chunk of the server build (better-sqlite3
// stays external); the tests and the CLI scripts, which run from the project root, load it as it is.
const workerFile = () => path.join(process.cwd(), "lib", "db-sqlite-worker.mjs");

/** One better-sqlite3 connection in a worker thread, and the messages to and from it. */
type SqliteThread = {
  send<T>(op: Op): Promise<T>;
  statement(op: "run" | "get" | "all", sql: string, params: SqlParam[]): Op;
  close(): Promise<void>;
};

/**
 * A connection in ./db-sqlite-worker.mjs (read-only when `readonly`). The statements a caller
 * issues without waiting between them (the same tick) travel in one message, so a transaction
 * costs a few thread hops, not one per statement; each statement's text is sent once and prepared
 * once there.
 */
function sqliteThread(file: string, readonly: boolean): SqliteThread {
  let worker: Worker | null = null;
  const waiting = new Map<number, Pending[]>();
  let nextId = 0;
  let queued: Pending[] = [];
  const keys = new Map<string, number>();
  // Same text format as @prisma/adapter-better-sqlite3 ("iso8601"), so Prisma reads it back.
  const bind = (params: SqlParam[]) => params.map((p) => (p instanceof Date ? p.toISOString().replace("Z", "+00:00") : p));

  const fail = (pending: Pending[], error: unknown) => pending.forEach((entry) => entry.reject(error));
  function start(): Worker {
    const started = new Worker(workerFile(), { workerData: { file, readonly } });
    started.unref();
    started.on("message", (reply: Reply) => {
      const pending = waiting.get(reply.id) ?? [];
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      const results = reply.results ?? [];
      if (!reply.error) {
        pending.forEach((entry, i) => entry.resolve(results[i]));
        return;
      }
      const error = new SqliteWriteError(reply.error);
      pending.forEach((entry, i) => (i < reply.failed! ? entry.resolve(results[i]) : entry.reject(i === reply.failed ? error : new Error("not run: an earlier statement failed", { cause: error }))));
    });
    // A worker that died takes its open transaction with it (SQLite rolls it back); whatever was
    // waiting fails, and the next statement starts a new worker.
    const died = (error: unknown) => {
      if (worker !== started) return;
      worker = null;
      for (const pending of waiting.values()) fail(pending, error);
      waiting.clear();
    };
    started.on("error", died);
    started.on("exit", (code) => died(new Error(`the SQLite ${readonly ? "reader" : "writer"} thread exited (${code})`)));
    return started;
  }

  const flush = () => {
    const batch = queued;
    queued = [];
    if (batch.length === 0) return;
    try {
      worker ??= start();
    } catch (error) {
      fail(batch, error);
      return;
    }
    const id = nextId++;
    waiting.set(id, batch);
    worker.ref();
    worker.postMessage({ id, ops: batch.map((entry) => entry.op) });
  };
  const send = <T,>(op: Op): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queued.length === 0) queueMicrotask(flush);
      queued.push({ op, resolve: resolve as (value: unknown) => void, reject });
    });
  const statement = (op: "run" | "get" | "all", sql: string, params: SqlParam[]): Op => {
    let key = keys.get(sql);
    if (key !== undefined) return { op, key, params: bind(params) };
    // Past the cache's size a statement is sent, and prepared, every time (key -1).
    if (keys.size >= maxCachedStatements) return { op, key: -1, sql, params: bind(params) };
    key = keys.size;
    keys.set(sql, key);
    return { op, key, sql, params: bind(params) };
  };
  return {
    send,
    statement,
    async close() {
      const running = worker;
      if (!running) return;
      await send<null>({ op: "close" }).catch(() => undefined);
      worker = null;
      await running.terminate();
    },
  };
}

/**
 * SQLite: the write connection lives in a worker thread, so neither the statements nor a
 * COMMIT's fsync stop this thread's event loop; a transaction resolves only once the worker's
 * COMMIT has returned (on disk: synchronous = FULL).
 */
function sqliteWriter(file: string): Writer {
  const thread = sqliteThread(file, false);
  const { send, statement } = thread;
  return {
    async transaction(work) {
      const session = endableSession({
        run: (sql, params) => send<number>(statement("run", sql, params)),
        get: <T,>(sql: string, params: SqlParam[]) => send<T | undefined>(statement("get", sql, params)),
        all: <T,>(sql: string, params: SqlParam[]) => send<T[]>(statement("all", sql, params)),
      });
      // BEGIN travels with the transaction's first statements.
      const begun = send<null>({ op: "begin" });
      try {
        const result = await work(session);
        session.end();
        await begun;
        await send<null>({ op: "commit" });
        return result;
      } catch (error) {
        session.end();
        // A BEGIN that failed (the lock stayed taken past the busy timeout) is the error to report.
        const notBegun = await begun.then(() => null, (beginError: unknown) => beginError);
        await send<null>({ op: "rollback" }).catch(() => undefined);
        throw notBegun ?? error;
      }
    },
    close: thread.close,
  };
}

/** Long read-only queries (aggregates over many rows), kept off the event loop. */
export interface AggregateReader {
  /** Runs one query (`?` placeholders) and returns every row. */
  all<T extends Record<string, unknown>>(sql: string, params: SqlParam[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * SQLite: a read-only connection in its own worker thread. better-sqlite3 is synchronous, so a
 * count over a million rows (the status counts, /insights) on the main thread stopped every other
 * request for as long as it ran; here it stops only this thread. WAL: it reads the last committed
 * state and never waits for the writer. One query at a time, in the order asked.
 */
export function createSqliteAggregateReader(file: string): AggregateReader {
  const thread = sqliteThread(file, true);
  return {
    all: <T extends Record<string, unknown>>(sql: string, params: SqlParam[]) => thread.send<T[]>(thread.statement("all", sql, params)),
    close: thread.close,
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
      const session = endableSession({
        run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
        get: async <T,>(sql: string, params: SqlParam[]) => (await query(sql, params)).rows[0] as T | undefined,
        all: async <T,>(sql: string, params: SqlParam[]) => (await query(sql, params)).rows as T[],
      });
      let failed = false;
      try {
        await client.query("BEGIN");
        const result = await work(session);
        session.end();
        await client.query("COMMIT");
        return result;
      } catch (error) {
        session.end();
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
