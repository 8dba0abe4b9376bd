// npm run db:migrate — applies pending migrations to the database DATABASE_URL names,
// recording them in _prisma_migrations exactly as `prisma migrate deploy` would.
import { env } from "../lib/env";
import { describeDatabase, resolveDatabase } from "../lib/db-config";
import { applyPendingMigrations } from "./lib/migrate";

const target = resolveDatabase(env.DATABASE_URL);
const applied = await applyPendingMigrations(target);
console.log(
  applied.length === 0
    ? `${describeDatabase(target)}: migrations up to date`
    : `${describeDatabase(target)}: applied ${applied.join(", ")}`,
);
