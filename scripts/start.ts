// npm start — migrates the database DATABASE_URL names, builds the app when the build is
// missing or older than the sources, then serves it on HOST (default 127.0.0.1: loopback only,
// for a reverse proxy on the same machine; 0.0.0.0 or :: to listen on every interface) and PORT
// (default 3000).
import { spawn } from "node:child_process";
import { env } from "../lib/env";
// Parses CARE_DESK_ALLOWED_HOSTS and CARE_DESK_TRUSTED_PROXIES: a typo stops here, before serving.
import "../lib/http/deployment";
import { describeDatabase, resolveDatabase } from "../lib/db-config";
import { buildIfNeeded, nextBin } from "./lib/build";
import { applyPendingMigrations } from "./lib/migrate";
import { nextStartArgs, nextStartNodeArgs } from "./lib/next-start";
import { root } from "./lib/prisma-schemas";

const target = resolveDatabase(env.DATABASE_URL);
const applied = await applyPendingMigrations(target);
console.log(`${describeDatabase(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);

const buildStatus = buildIfNeeded();
if (buildStatus !== 0) process.exit(buildStatus);

const server = spawn(process.execPath, [...nextStartNodeArgs, nextBin, "start", ...nextStartArgs, "--hostname", env.HOST, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
