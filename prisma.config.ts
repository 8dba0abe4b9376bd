// Configuration for the standard Prisma CLI (`npx prisma migrate status`, `prisma studio`, …),
// for operators who have its native engines. The app itself never runs the CLI: migrations are
// applied by scripts/db-migrate.ts through the WASM schema engine, with the same files.
// DATABASE_URL picks the provider's schema and migrations, as it does for the app.
import { defineConfig } from "prisma/config";
import { env } from "./lib/env";
import { resolveDatabase } from "./lib/db-config";

const target = resolveDatabase(env.DATABASE_URL);
const folder = target.kind === "sqlite" ? "prisma/sqlite" : "prisma/postgres";

export default defineConfig({
  schema: `${folder}/schema.prisma`,
  migrations: { path: `${folder}/migrations` },
  datasource: { url: target.url },
});
