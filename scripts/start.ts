// npm start — migrates the database DATABASE_URL names, builds the app when the build is
// missing or older than the sources, then serves it (PORT, default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { describeDatabase, resolveDatabase } from "../lib/db-config";
import { applyPendingMigrations } from "./lib/migrate";
import { root } from "./lib/prisma-schemas";

const sourceDirs = ["app", "components", "lib", "public"];
const sourceFiles = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestSourceTime(): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) visit(path.join(target, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  sourceDirs.forEach((dir) => visit(path.join(root, dir)));
  sourceFiles.forEach((file) => visit(path.join(root, file)));
  return newest;
}

const target = resolveDatabase(env.DATABASE_URL);
const applied = await applyPendingMigrations(target);
console.log(`${describeDatabase(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);

const buildId = path.join(root, ".next", "BUILD_ID");
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime()) {
  console.log("Building the app (next build)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
