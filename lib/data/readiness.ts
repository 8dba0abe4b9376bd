// Whether this instance should be sent traffic (GET /api/ready): its database answers, every
// migration is applied, and it is not shedding webhook load. Liveness is GET /api/health / ping.
import "server-only";
import { getMigrationStatus } from "../db-migrations";
import { log } from "../observability/log";

export type Readiness = { ready: boolean; reason: "ok" | "database_unreachable" | "migrations_pending" | "shedding_load" };

export async function getReadiness(sheddingLoad: boolean): Promise<Readiness> {
  try {
    const migrations = await getMigrationStatus();
    if (!migrations.upToDate) return { ready: false, reason: "migrations_pending" };
  } catch (error) {
    log.warn({ err: error }, "readiness: the database did not answer");
    return { ready: false, reason: "database_unreachable" };
  }
  if (sheddingLoad) return { ready: false, reason: "shedding_load" };
  return { ready: true, reason: "ok" };
}
