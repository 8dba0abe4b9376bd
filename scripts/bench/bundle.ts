// First-load JavaScript per route, from the last `next build` (.next/diagnostics/route-bundle-stats.json):
// the chunks a route's first visit loads, each gzipped at level 6 (what a web server sends).
// `npx tsx scripts/bench/bundle.ts [app folder]` prints the table; the bench reports it with its targets.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

/**
 * What an empty Next.js 16.4.6 app loads: a root layout `<html><body>{children}</body></html>`
 * and one dynamic page `<p>hello</p>`, the same node_modules, `next build` (Turbopack), then
 * `npx tsx scripts/bench/bundle.ts <its folder>`: React, React DOM and the App Router's client.
 * No page of ours can load less. (`next build --webpack` gives 133.1 KB.)
 */
export const frameworkFloor = { gzipBytes: 134_912, note: "an empty Next.js 16.4.6 app, one dynamic page, Turbopack" };

export type RouteBundle = { route: string; chunks: string[]; bytes: number; gzipBytes: number };
export type BundleReport = {
  routes: RouteBundle[];
  /** The chunks every page loads (React, Next.js and whatever the root layout's client components bring). */
  shared: { chunks: string[]; bytes: number; gzipBytes: number };
};

const statsSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

/** Route pages only: route handlers (/api/…, /icon.svg, …) load no JavaScript and have no chunks. */
export function measureBundles(root: string): BundleReport | null {
  const file = path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(file)) return null;
  const stats = statsSchema.parse(JSON.parse(readFileSync(file, "utf8"))).filter((entry) => entry.firstLoadChunkPaths.length > 0);
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const content = readFileSync(path.join(root, chunk));
      size = { bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
      sizes.set(chunk, size);
    }
    return size;
  };
  const total = (chunks: string[]) =>
    chunks.reduce((sum, chunk) => ({ bytes: sum.bytes + sizeOf(chunk).bytes, gzipBytes: sum.gzipBytes + sizeOf(chunk).gzipBytes }), { bytes: 0, gzipBytes: 0 });
  const routes = stats
    .map((entry) => ({ route: entry.route, chunks: entry.firstLoadChunkPaths, ...total(entry.firstLoadChunkPaths) }))
    .sort((a, b) => a.route.localeCompare(b.route));
  const sharedChunks = routes.length === 0 ? [] : routes[0]!.chunks.filter((chunk) => routes.every((route) => route.chunks.includes(chunk)));
  return { routes, shared: { chunks: sharedChunks, ...total(sharedChunks) } };
}

export const kilobytes = (bytes: number) => `${(bytes / 1000).toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB`;

/** only: these routes and the largest (default: every route). */
export function formatBundles(report: BundleReport, only?: readonly string[]): string[] {
  const largest = [...report.routes].sort((a, b) => b.gzipBytes - a.gzipBytes)[0]?.route;
  const shown = only ? report.routes.filter((route) => only.includes(route.route) || route.route === largest) : report.routes;
  const lines = [`First-load JS (gzip -6)${" ".repeat(30)}gzip   uncompressed`];
  for (const route of shown) {
    lines.push(`  ${`${route.route}${only && route.route === largest ? " (the largest)" : ""}`.padEnd(50)}${kilobytes(route.gzipBytes).padStart(9)}${kilobytes(route.bytes).padStart(12)}`);
  }
  lines.push(`  ${"shared by every page".padEnd(50)}${kilobytes(report.shared.gzipBytes).padStart(9)}${kilobytes(report.shared.bytes).padStart(12)}`);
  lines.push(`  ${"framework floor (empty Next.js app)".padEnd(50)}${kilobytes(frameworkFloor.gzipBytes).padStart(9)}`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = measureBundles(path.resolve(process.argv[2] ?? "."));
  if (!report) {
    console.error("No .next/diagnostics/route-bundle-stats.json there: run next build first.");
    process.exitCode = 1;
  } else {
    console.log(formatBundles(report).join("\n"));
  }
}
