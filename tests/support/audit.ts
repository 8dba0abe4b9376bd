// Helpers of the audit trail's tests: its rows as stored, raw SQL on a test database (to tamper
// with rows as an intruder would, beside the application), and `npm run audit:verify` itself.
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { assertDisposable } from "../setup/test-database";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs one statement directly on a (disposable) test database, outside the application. */
export async function rawSql(databaseUrl: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const target = assertDisposable(databaseUrl);
  if (target.kind === "sqlite") {
    const db = new Database(target.file);
    try {
      const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
      return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Runs `npm run audit:verify`'s script against a database; its exit code and output. */
export function runAuditVerify(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    child.stderr.on("data", (chunk) => (output += String(chunk)));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}
