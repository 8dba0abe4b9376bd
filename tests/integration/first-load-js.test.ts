// The JavaScript a browser downloads before /consultations works, read from the last
// `npm run build` (`npm test` builds before the integration tests). A size budget, not a timing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kilobytes, measureBundles, type BundleReport } from "@/scripts/bench/bundle";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Just above what the list page loads now (143.5 KB: 139.0 KB every page shares, of which
 * 134.9 KB is what an empty Next.js app loads, and 1.3 KB of it the rows' client component):
 * a client import that pulls a library into the page fails here. docs/performance.md#first-load-javascript says where the bytes go.
 */
const consultationsBudget = 144_000;

/** Strings each library's client code carries (error codes), to tell whether a chunk holds it. */
const libraries = { "react-query": "No QueryClient set", "next-intl's message runtime": "MISSING_MESSAGE" };

function build(): BundleReport {
  const report = measureBundles(root);
  if (!report) throw new Error("No .next/diagnostics/route-bundle-stats.json: run `npm run build` first.");
  return report;
}

const firstLoad = (report: BundleReport, route: string) => {
  const page = report.routes.find((entry) => entry.route === route);
  if (!page) throw new Error(`${route} is not in the build`);
  return page;
};
const holds = (chunks: string[], marker: string) => chunks.some((chunk) => readFileSync(path.join(root, chunk), "utf8").includes(marker));

describe("first-load JavaScript", () => {
  it(`keeps /consultations within ${kilobytes(consultationsBudget)} gzipped`, () => {
    const page = firstLoad(build(), "/consultations");
    expect(page.gzipBytes, `/consultations loads ${kilobytes(page.gzipBytes)} of JavaScript (gzip -6)`).toBeLessThanOrEqual(consultationsBudget);
  });

  it("loads neither react-query nor next-intl's message runtime before the list or a plain page works", () => {
    const report = build();
    for (const route of ["/consultations", "/hello"]) {
      for (const [library, marker] of Object.entries(libraries)) expect(holds(firstLoad(report, route).chunks, marker), `${route} loads ${library} up front`).toBe(false);
    }
  });

  // So that the test above can fail: the markers are in the build, where the libraries are used.
  it("still ships both where they are used: the task board's translations up front, the live poll after load", () => {
    const report = build();
    expect(holds(firstLoad(report, "/worklist").chunks, libraries["next-intl's message runtime"])).toBe(true);
    const allChunks = readdirSync(path.join(root, ".next/static/chunks")).filter((name) => name.endsWith(".js")).map((name) => `.next/static/chunks/${name}`);
    const withReactQuery = allChunks.filter((chunk) => holds([chunk], libraries["react-query"]));
    expect(withReactQuery.length).toBeGreaterThan(0);
    // Loaded by components/live-refresh.tsx once the page has hydrated, so in no route's first load.
    for (const route of report.routes) expect(route.chunks.filter((chunk) => withReactQuery.includes(chunk)), route.route).toEqual([]);
  });
});
