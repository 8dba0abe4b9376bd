// Prepared statements for Prisma's SQLite connections, compiled once each. The driver adapter
// (@prisma/adapter-better-sqlite3 7.10) calls `db.prepare(sql).bind(args)` for every query, so
// SQLite compiled every statement again each time it ran: on the consultation page, about a
// millisecond of CPU a request, a fiftieth of the page (docs/performance.md, "Pages"). Here the
// connection's `prepare` keeps the compiled statements by text (least recently used out past
// `max`) and gives the adapter a view of one with this call's arguments, since a better-sqlite3
// statement can be bound permanently only once.
//
// The adapter uses each statement at once and synchronously (run, or raw().all()), so a cached
// statement is never in use twice; SQLite re-prepares one by itself after a schema change.
import type Database from "better-sqlite3";

type Statement = Database.Statement<unknown[], unknown>;
type Params = unknown[];

/** What the adapter does with a statement, with `params` for this call. */
const withParams = (statement: Statement, params: Params) => ({
  reader: statement.reader,
  columns: () => statement.columns(),
  run: () => statement.run(params),
  raw: () => ({ all: () => statement.raw(true).all(params) }),
});

const cached = Symbol("care-desk.statement-cache");

/** Whether `db.prepare` is the caching one (the adapter's shape is checked by a test on each upgrade). */
export const cachesStatements = (db: unknown): boolean => typeof db === "object" && db !== null && cached in db;

/** Makes `db.prepare` reuse compiled statements, for the adapter's own use of them (see above). */
export function cacheStatements(db: Database.Database, max = 500): void {
  if (cachesStatements(db)) return;
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const statements = new Map<string, Statement>();
  const compiled = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql); // most recently used last
    } else {
      statement = prepare(sql);
      if (statements.size >= max) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  const view = (sql: string) => {
    const statement = compiled(sql);
    return { ...withParams(statement, []), bind: (params: Params) => withParams(statement, params) };
  };
  Object.assign(db, { prepare: view, [cached]: true });
}
