// A database of this test file's own, for tests that change instance-wide state (the "two-factor
// required for admins" setting) or need configuration set before lib/env loads (OIDC_*): the
// file sets process.env, then imports the app's modules dynamically. Vitest runs each file in its
// own process, so the app's singletons (database clients, better-auth) belong to this file.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyPendingMigrations } from "@/scripts/lib/migrate";
import { assertDisposable, createTestDatabase, dropTestDatabase } from "../setup/test-database";

export async function createIsolatedDatabase(name: string, env: Record<string, string> = {}): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  if ((globalThis as { careDeskDb?: unknown }).careDeskDb) throw new Error("createIsolatedDatabase: the app's database client already exists in this process");
  const base = process.env.DATABASE_URL!;
  let databaseUrl: string;
  if (base.startsWith("file:")) {
    databaseUrl = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), `care-desk-test-${name}-`)), "care-desk.db")}`;
  } else {
    const url = new URL(base);
    url.pathname = `${url.pathname}_${name.replace(/[^a-z0-9]/g, "_")}`;
    databaseUrl = url.toString();
  }
  const target = assertDisposable(databaseUrl);
  await createTestDatabase(target);
  await applyPendingMigrations(target);
  Object.assign(process.env, { ...env, DATABASE_URL: databaseUrl });
  return {
    databaseUrl,
    drop: async () => {
      const { disconnectDb } = await import("@/lib/db");
      await disconnectDb();
      await dropTestDatabase(target);
    },
  };
}
