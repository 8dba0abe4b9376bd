// Prepared statements for Prisma's SQLite connections, compiled once each. The driver adapter
// (@prisma/adapter-better-sqlite3 7.10) calls `db.prepare(sql).bind(args)` for every query, so
// SQLite compiled every statement again each time it ran: on the consultation page, about a
// millisecond of CPU a request, a fiftieth of the page (docs/performance.md, "Pages"). Here the
// connection's `prepare` keeps the compiled statements by text (least recently used out past
// `max`) and gives the adapter a view of one with this call's arguments, since a better-sqlite3
// statement can be bound permanently only once.
//
// The adapter uses each statement at once and synchronously (run, or raw().all()), so a cached
// statement is never in use twice; SQLite re-prepares one by itself after a schema change. Its
// columns are described once: the schema does not change under a running server (migrations run
// before it starts, scripts/db-migrate.ts).
import type Database from "better-sqlite3";

type Statement = Database.Statement<unknown[], unknown>;
type Params = unknown[];

/** A compiled statement and, once asked for, its result columns (the same for every run of one compiled text). */
type Entry = { statement: Statement; columns?: Database.ColumnDefinition[] };

/** What the adapter does with a statement, with `params` for this call. */
const withParams = (entry: Entry, params: Params) => ({
  reader: entry.statement.reader,
  // Read once per statement: better-sqlite3 builds a new description of every column on each call
  // (a tenth of a millisecond on the consultation page's eight queries). The adapter only reads it.
  columns: () => (entry.columns ??= entry.statement.columns()),
  run: () => entry.statement.run(params),
  raw: () => ({ all: () => entry.statement.raw(true).all(params) }),
});

const cached = Symbol("care-desk.statement-cache");

/** Whether `db.prepare` is the caching one (the adapter's shape is checked by a test on each upgrade). */
export const cachesStatements = (db: unknown): boolean => typeof db === "object" && db !== null && cached in db;

/** Makes `db.prepare` reuse compiled statements, for the adapter's own use of them (see above). */
export function cacheStatements(db: Database.Database, max = 500): void {
  if (cachesStatements(db)) return;
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const statements = new Map<string, Entry>();
  const compiled = (sql: string): Entry => {
    let entry = statements.get(sql);
    if (entry) {
      statements.delete(sql); // most recently used last
    } else {
      entry = { statement: prepare(sql) };
      if (statements.size >= max) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, entry);
    return entry;
  };
  const view = (sql: string) => {
    const entry = compiled(sql);
    return { ...withParams(entry, []), bind: (params: Params) => withParams(entry, params) };
  };
  Object.assign(db, { prepare: view, [cached]: true });
}
