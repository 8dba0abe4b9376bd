// The SQLite write connection, or a read-only one for long reads, in a worker thread
// (lib/db-writer.ts starts it): better-sqlite3 is synchronous, so on the main thread every
// statement, and above all each COMMIT's fsync
// (synchronous = FULL), stopped the event loop. Here they stop only this thread. Plain
// JavaScript, loaded by Node as it is (not bundled by Next.js, not compiled by tsx), so it
// works the same under `next start`, the CLI scripts and the tests.
//
// Protocol: each message is { id, ops } with ops run in order, each
// { op: "run" | "get" | "all", key, sql?, params } (a statement's text is sent the first time
// its key is used, then kept and prepared once here; the main thread bounds the keys),
// { op: "begin" | "commit" | "rollback" } or { op: "close" }.
// The reply is { id, results } (one per op), with { failed, error } when op `failed` threw: the
// ops after it were not run. The main thread serialises transactions (lib/db.ts's write lock),
// so this thread never sees two at once.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

// workerData.readonly: the aggregate reader (lib/db-writer.ts createSqliteAggregateReader), which
// only ever runs "all"; otherwise the write connection.
const db = new Database(workerData.file, { timeout: 5000, readonly: workerData.readonly === true });
if (!db.readonly) {
  // WAL: readers never wait for this writer. FULL: a commit is on disk before the caller answers 2xx.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
}

/** @type {Map<number, string>} */
const texts = new Map();
/** @type {Map<number, import("better-sqlite3").Statement>} */
const statements = new Map();

function prepare(key, sql) {
  // Key -1: a statement past the main thread's cache, prepared for this one use.
  if (key === -1) return db.prepare(sql);
  if (sql !== undefined) texts.set(key, sql);
  let statement = statements.get(key);
  if (!statement) {
    const text = texts.get(key);
    if (text === undefined) throw new Error(`statement ${key} was never sent`);
    statement = db.prepare(text);
    statements.set(key, statement);
  }
  return statement;
}

function runOp(message) {
  switch (message.op) {
    case "begin":
      db.exec("BEGIN IMMEDIATE");
      return null;
    case "commit":
      db.exec("COMMIT");
      return null;
    case "rollback":
      if (db.inTransaction) db.exec("ROLLBACK");
      return null;
    case "run":
      return prepare(message.key, message.sql).run(...message.params).changes;
    case "get":
      return prepare(message.key, message.sql).get(...message.params);
    case "all":
      return prepare(message.key, message.sql).all(...message.params);
    case "close":
      db.close();
      return null;
    default:
      throw new Error(`unknown op ${message.op}`);
  }
}

parentPort.on("message", ({ id, ops }) => {
  const results = [];
  for (let i = 0; i < ops.length; i++) {
    try {
      results.push(runOp(ops[i]));
    } catch (error) {
      const { name, message, code } = error instanceof Error ? error : { name: "Error", message: String(error), code: undefined };
      parentPort.postMessage({ id, results, failed: i, error: { name, message, code } });
      return;
    }
  }
  parentPort.postMessage({ id, results });
});
