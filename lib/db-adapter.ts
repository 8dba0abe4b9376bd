// Builds the Prisma driver-adapter factory for a database target (SQLite or PostgreSQL).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
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
  return new PrismaPg({ connectionString: target.url, max: poolMax });
}
