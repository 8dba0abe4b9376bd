// Vitest global setup for the sqlite and postgres projects: a fresh, migrated database per run.
import type { TestProject } from "vitest/node";
import { applyPendingMigrations } from "../../scripts/lib/migrate";
import { releaseClaims } from "../support/time-window";
import { assertDisposable, createTestDatabase, dropTestDatabase } from "./test-database";

export default async function setup(project: TestProject) {
  const databaseUrl = project.config.env?.DATABASE_URL;
  if (!databaseUrl) throw new Error(`project ${project.name} has no DATABASE_URL`);
  const target = assertDisposable(databaseUrl);
  await createTestDatabase(target);
  await applyPendingMigrations(target);
  return async () => {
    await dropTestDatabase(target);
    releaseClaims(project.config.env?.CARE_DESK_TEST_RUN);
  };
}
