// Which database DATABASE_URL names, and how to reach it. Shared by the app (lib/db) and the
// migration scripts, so the two can never disagree about where the data lives.
import path from "node:path";

export type DatabaseTarget =
  | { kind: "sqlite"; url: string; file: string }
  | { kind: "postgresql"; url: string };

export function resolveDatabase(databaseUrl: string, cwd = process.cwd()): DatabaseTarget {
  if (databaseUrl.startsWith("file:")) {
    const raw = databaseUrl.slice("file:".length).split("?")[0] ?? "";
    if (raw === "") throw new Error("DATABASE_URL=file: needs a path, e.g. file:./data/care-desk.db");
    const file = path.resolve(cwd, raw);
    return { kind: "sqlite", url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { kind: "postgresql", url: databaseUrl };
  throw new Error("DATABASE_URL must start with file: or postgres(ql)://");
}

/** Describes the target without credentials, for logs and the health endpoint. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.kind === "sqlite") return `SQLite at ${target.file}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
