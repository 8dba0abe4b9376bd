// Builds the Prisma driver-adapter factory for a database target (SQLite or PostgreSQL).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "./db-config";

export function createAdapterFactory(target: DatabaseTarget, poolMax = 10) {
  if (target.kind === "sqlite") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    // busy_timeout: another process (a migration, the CLI) may hold the write lock briefly.
    return new PrismaBetterSqlite3({ url: target.file, timeout: 5000 });
  }
  return new PrismaPg({ connectionString: target.url, max: poolMax });
}
