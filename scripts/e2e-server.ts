// Playwright's web server (playwright.config.ts): `next start` on the production build, over a
// fresh, migrated SQLite database in a new care-desk-e2e-* temporary folder that is removed
// again when the server stops. Run as `node --import tsx scripts/e2e-server.ts`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDatabase } from "../lib/db-config";
import { releaseClaims } from "../tests/support/time-window";
import { e2eInstanceName, e2ePort, e2eSigningSecret, e2eUsers } from "../e2e/support/test-server";
import { applyPendingMigrations } from "./lib/migrate";
import { nextStartArgs, nextStartNodeArgs } from "./lib/next-start";
import { root } from "./lib/prisma-schemas";

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("e2e server: there is no production build; run `npx next build` first (`npm run test:e2e` does).");
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-e2e-"));
process.on("exit", () => {
  rmSync(dir, { recursive: true, force: true });
  releaseClaims(process.env.CARE_DESK_TEST_RUN);
});
const databaseUrl = `file:${path.join(dir, "care-desk.db")}`;

try {
  await applyPendingMigrations(resolveDatabase(databaseUrl));
} catch (error) {
  console.error("e2e server: migrating the test database failed", error);
  process.exit(1);
}

// One user per role, created exactly as an operator would: `npm run user:create`, password on stdin.
for (const [role, user] of Object.entries(e2eUsers)) {
  const created = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/user-create.ts"), "--email", user.email, "--role", role, "--name", user.name],
    { cwd: root, input: `${user.password}\n`, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" } },
  );
  if (created.status !== 0) {
    console.error(`e2e server: creating the ${role} user failed`, created.stderr);
    process.exit(1);
  }
}

const server = spawn(
  process.execPath,
  [...nextStartNodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", ...nextStartArgs, "-p", String(e2ePort), "-H", "127.0.0.1"],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      CARE_DESK_NAME: e2eInstanceName,
      WEBHOOK_SIGNING_SECRETS: e2eSigningSecret,
      // Only the signature scheme is configured: a developer's own settings must not leak in.
      WEBHOOK_BEARER_TOKEN: "",
      WEBHOOK_BASIC_AUTH: "",
      // One background job often enough for /admin/jobs to show runs (it purges only week-old records).
      CARE_DESK_JOB_SCHEDULES: "retention-unauthenticated=*/5 * * * * *",
    },
  },
);

// Playwright stops the whole process group with SIGTERM (gracefulShutdown): wait for Next.js to
// finish, then exit so that the temporary folder is removed.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  if (!stopping) console.error(`e2e server: next start stopped unexpectedly (${signal ?? `exit code ${code}`})`);
  process.exit(stopping ? 0 : (code ?? 1) || 1);
});
