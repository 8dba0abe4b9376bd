// Creates and drops the throw-away databases the integration tests run on. Refuses anything
// that is not a uniquely named test database on this machine.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { resolveDatabase, type DatabaseTarget } from "../../lib/db-config";

const localHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function assertDisposable(databaseUrl: string): DatabaseTarget {
  const target = resolveDatabase(databaseUrl);
  if (target.kind === "sqlite") {
    if (!target.file.startsWith(os.tmpdir() + path.sep) || !path.basename(path.dirname(target.file)).startsWith("care-desk-test-")) {
      throw new Error(`Refusing to run tests on ${target.file}: not a care-desk-test-* folder under ${os.tmpdir()}`);
    }
    return target;
  }
  const url = new URL(target.url);
  if (!localHosts.has(url.hostname)) throw new Error(`Refusing to run tests against non-local PostgreSQL host ${url.hostname}`);
  if (!/^\/care_desk_test_[a-z0-9_]+$/.test(url.pathname)) throw new Error(`Refusing to run tests on database ${url.pathname}: not care_desk_test_*`);
  return target;
}

/**
 * A sibling of the test database, as disposable as it is: a new care-desk-test-<name>-* folder
 * on SQLite, care_desk_test_…_<name> on PostgreSQL. Create it with createTestDatabase.
 */
export function siblingTestDatabase(databaseUrl: string, name: string): DatabaseTarget {
  const current = assertDisposable(databaseUrl);
  if (current.kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), `care-desk-test-${name}-`));
    return assertDisposable(`file:${path.join(dir, `${name}.db`)}`);
  }
  const url = new URL(current.url);
  url.pathname = `${url.pathname}_${name}`;
  return assertDisposable(url.toString());
}

function adminUrl(target: Extract<DatabaseTarget, { kind: "postgresql" }>): { admin: string; name: string } {
  const url = new URL(target.url);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  return { admin: url.toString(), name };
}

export async function createTestDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind === "sqlite") {
    rmSync(path.dirname(target.file), { recursive: true, force: true });
    mkdirSync(path.dirname(target.file), { recursive: true });
    return;
  }
  const { admin, name } = adminUrl(target);
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${new URL(admin).host} (${(error as Error).message}). ` +
        "Integration tests need a real PostgreSQL server: start one (see README, 'Running the tests') or set TEST_POSTGRES_URL.",
    );
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropTestDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind === "sqlite") {
    rmSync(path.dirname(target.file), { recursive: true, force: true });
    return;
  }
  const { admin, name } = adminUrl(target);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // pg's Pool.end() resolves before its connections have closed: give this database's sessions
    // a few seconds to end, so FORCE does not terminate a closing connection (its client would
    // throw "terminating connection due to administrator command" into the test process).
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await client.query<{ sessions: number }>("SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1", [name]);
      if (rows[0]!.sessions === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
