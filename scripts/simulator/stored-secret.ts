// The signing secret the server generated and keeps in the database (lib/webhooks/signing-secret.ts),
// read by `npm run simulate` from the same DATABASE_URL, so that the README's demo works without
// copying secrets. Read only, with the plain drivers (scripts never create Prisma clients).
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import pg from "pg";
import type { DatabaseTarget } from "../../lib/db-config";
import { parseStoredSecret, signingSecretSettingKey, type StoredSecret } from "../../lib/webhooks/stored-secret";

const query = `SELECT "value" FROM "Setting" WHERE "key" = $1`;

/** The stored secret, or null when the database (or the setting) does not exist yet. */
export async function readStoredSecret(target: DatabaseTarget): Promise<StoredSecret | null> {
  try {
    if (target.kind === "sqlite") {
      if (!existsSync(target.file)) return null;
      const db = new Database(target.file, { readonly: true, fileMustExist: true });
      try {
        const row = db.prepare<[string], { value: string }>(query.replace("$1", "?")).get(signingSecretSettingKey);
        return row ? parseStoredSecret(row.value) : null;
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ value: string }>(query, [signingSecretSettingKey]);
      return rows[0] ? parseStoredSecret(rows[0].value) : null;
    } finally {
      await client.end();
    }
  } catch (error) {
    // No Setting table yet (a database the migrations have not reached): nothing is stored.
    if (/no such table|does not exist/i.test((error as Error).message)) return null;
    throw error;
  }
}
