// The service's own health: which database, whether its schema is current, which version runs.
import "server-only";
import { databaseKind } from "../db";
import { getMigrationStatus } from "../db-migrations";
import { appVersion } from "../version";
import { log } from "../observability/log";

export type Health = {
  status: "ok" | "degraded";
  version: string;
  database: { kind: "sqlite" | "postgresql"; reachable: boolean };
  migrations: { upToDate: boolean; applied: number; pending: string[] } | null;
};

export async function getHealth(): Promise<Health> {
  try {
    const migrations = await getMigrationStatus();
    return {
      status: migrations.upToDate ? "ok" : "degraded",
      version: appVersion,
      database: { kind: databaseKind, reachable: true },
      migrations: { upToDate: migrations.upToDate, applied: migrations.applied, pending: migrations.pending },
    };
  } catch (error) {
    log.error({ err: error }, "health check: database query failed");
    return { status: "degraded", version: appVersion, database: { kind: databaseKind, reachable: false }, migrations: null };
  }
}
