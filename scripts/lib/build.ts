// `next build` when the build is missing or older than the sources (shared by npm start and the bench).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { root } from "./prisma-schemas";

const sourceDirs = ["app", "components", "lib", "public"];
const sourceFiles = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

export const nextBin = path.join(root, "node_modules/next/dist/bin/next");

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

export function isBuildCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceTime();
}

/** Builds when needed (in the caller's environment); returns the exit status of `next build` (0 when no build was needed). */
export function buildIfNeeded(): number {
  if (isBuildCurrent()) return 0;
  console.log("Building the app (next build)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  return build.status ?? 1;
}
