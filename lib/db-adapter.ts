// Builds the Prisma driver-adapter factory for a database target (SQLite or PostgreSQL).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import { createHash } from "node:crypto";
import type { DatabaseTarget } from "./db-config";
import { cacheStatements } from "./db-statement-cache";

/** The adapter's better-sqlite3 connection (its `client`), with compiled statements kept (./db-statement-cache.ts). */
async function connectCaching(factory: PrismaBetterSqlite3, connect: () => ReturnType<PrismaBetterSqlite3["connect"]>) {
  const adapter = await connect.call(factory);
  const client = (adapter as unknown as { client?: Database.Database }).client;
  if (client && typeof client.prepare === "function") cacheStatements(client);
  return adapter;
}

export function createAdapterFactory(target: DatabaseTarget, poolMax = 10) {
  if (target.kind === "sqlite") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    // busy_timeout: another process (a migration, the CLI) may hold the write lock briefly.
    const factory = new PrismaBetterSqlite3({ url: target.file, timeout: 5000 });
    const connect = factory.connect;
    factory.connect = () => connectCaching(factory, connect);
    return factory;
  }
  return new PrismaPg({ connectionString: target.url, max: poolMax }, { statementNameGenerator: preparedStatementName });
}

// Prisma's statements are the same text every time, with values as parameters. Named, each is
// parsed once per connection (pg keeps it), and PostgreSQL plans it once it has chosen a generic
// plan, instead of parsing and planning every query again: that was most of the backend's work
// for a page. Only one plain statement with few parameters gets a name: a long IN list is a
// text of its own each time, and a name can hold one command only. "" leaves a statement unnamed.
const maxNamedParameters = 64;
const namedStatement = /^\s*(?:SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

// A statement's name, worked out once per text (the texts are few: one per query shape).
const names = new Map<string, string>();
const maxRemembered = 2_000;

export function preparedStatementName(query: { sql: string; args: readonly unknown[] }): string {
  if (query.args.length > maxNamedParameters) return "";
  let name = names.get(query.sql);
  if (name === undefined) {
    name = query.sql.includes(";") || !namedStatement.test(query.sql) ? "" : `prisma_${createHash("sha1").update(query.sql).digest("hex").slice(0, 24)}`;
    if (names.size >= maxRemembered) names.clear();
    names.set(query.sql, name);
  }
  return name;
}
