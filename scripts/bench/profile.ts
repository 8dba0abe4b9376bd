// Reads a V8 CPU profile (node --cpu-prof) of the server and says where its CPU went during a
// time window: by area (zod, Prisma, the driver, Next.js, our lib/webhooks, Node's HTTP…) and
// by function, per request. Next.js bundles and minifies server code, so frames in .next are
// mapped back to their sources through the build's source maps.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type ProfileArea = { area: string; ms: number; msPerRequest: number; share: number };
export type ProfileFunction = { name: string; source: string; area: string; ms: number; share: number };
export type ProfileFile = { file: string; area: string; msPerRequest: number; share: number };
export type ProfileSummary = {
  requests: number;
  /** Main-thread busy time (CPU and blocking calls) in the window. */
  busyMs: number;
  msPerRequest: number;
  areas: ProfileArea[];
  functions: ProfileFunction[];
  /** Self time by source file (or package), the biggest first. */
  files: ProfileFile[];
};

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  if (!maps.has(url)) {
    try {
      maps.set(url, new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8"))));
    } catch {
      maps.set(url, null);
    }
  }
  return maps.get(url)!;
}

/** Where a frame's code comes from: a source path relative to the project, or a node:/native marker. */
function originalSource(frame: CallFrame): string {
  if (!frame.url) return "";
  if (frame.url.startsWith("file://") && frame.url.includes("/.next/")) {
    const entry = sourceMapFor(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    const source = entry && "originalSource" in entry ? (entry.originalSource as string) : null;
    if (source) return `${source.replace(/^(\.\.\/)+/, "").replace(/^\[project\]\//, "")}:${(entry as { originalLine: number }).originalLine + 1}`;
    return frame.url.slice(frame.url.indexOf("/.next/") + 1);
  }
  if (frame.url.startsWith("file://")) {
    const path = fileURLToPath(frame.url);
    const inModules = path.lastIndexOf("node_modules/");
    return `${inModules >= 0 ? path.slice(inModules) : path}:${frame.lineNumber + 1}`;
  }
  return frame.url;
}

const areas: [RegExp, string][] = [
  [/node_modules\/zod\//, "zod validation"],
  [/^lib\/webhooks\//, "lib/webhooks (pipeline, SQL building)"],
  [/^lib\/(schemas|statuses)/, "lib/schemas (schema refinements)"],
  [/^lib\/(db|generated)/, "Prisma client (generated) and lib/db"],
  [/query_compiler|^wasm:/, "Prisma query compiler (WASM)"],
  [/@prisma\/client/, "Prisma client runtime"],
  [/@prisma\/(adapter-|driver-adapter)/, "Prisma driver adapter"],
  [/node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass|postgres-)/, "pg driver"],
  [/better-sqlite3/, "better-sqlite3 (SQLite itself included)"],
  [/node_modules\/(next-intl|use-intl|intl-messageformat|@formatjs)\//, "next-intl (translations and formatting)"],
  [/node_modules\/(better-auth|better-call|@better-auth|@better-fetch|jose|@noble|kysely|defu|rou3)\//, "better-auth (session check)"],
  [/^lib\/auth\//, "lib/auth"],
  [/^lib\/audit\//, "lib/audit (the audit write)"],
  [/^lib\/data\//, "lib/data (queries, rows to DTOs)"],
  [/^lib\/(i18n|time)\//, "lib/i18n and lib/time (formatting)"],
  [/^(app|components)\//, "app and components (our components)"],
  [/^lib\//, "lib other"],
  [/node_modules\/next\/.*(react|rsc)|node_modules\/react/, "React / RSC"],
  [/node_modules\/next\//, "Next.js (routing, request and response)"],
  [/^node:(internal\/)?(http|_http|net|stream|internal\/streams|internal\/http|dns|tls|internal\/stream_base)|^node:internal\/(webstreams|deps\/undici)/, "Node HTTP, streams and sockets"],
  [/^node:(internal\/)?crypto|^node:internal\/crypto/, "Node crypto (HMAC, SHA-256)"],
  [/^node:(async_hooks|internal\/async_hooks|internal\/async_local_storage)/, "async context tracking (AsyncLocalStorage)"],
  [/^node:/, "Node.js other"],
];

function areaOf(source: string, name: string): string {
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)") return "V8 and native code (unattributed)";
  for (const [pattern, area] of areas) if (pattern.test(source)) return area;
  return source ? "other" : "";
}

/**
 * Summarises the samples taken between `fromMicros` and `toMicros` (the monotonic clock the profile
 * uses). The profiler samples the main thread whenever it is not idle in the event loop: its
 * milliseconds are CPU time plus blocking calls made on that thread (an fsync inside a SQLite
 * COMMIT, say), which is what holds up every other request.
 */
export function summarizeProfile(file: string, fromMicros: number, toMicros: number, requests: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Native frames (JSON.parse, an HMAC digest) have no URL: they count in their caller's area.
  const areaCache = new Map<number, { area: string; source: string }>();
  const describe = (id: number): { area: string; source: string } => {
    const cached = areaCache.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const source = originalSource(node.callFrame);
    let area = areaOf(source, node.callFrame.functionName);
    let where = source;
    if (!area) {
      const up = parent.get(id);
      const caller = up === undefined ? { area: "other", source: "" } : describe(up);
      area = caller.area;
      where = `native, called from ${caller.source || "?"}`;
    }
    const result = { area, source: where };
    areaCache.set(id, result);
    return result;
  };

  const selfMicros = new Map<number, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (time < fromMicros || time > toMicros) return;
    const name = byId.get(id)!.callFrame.functionName;
    if (name === "(idle)") return;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const totalMicros = [...selfMicros.values()].reduce((sum, us) => sum + us, 0);
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, ProfileFunction>();
  const byFile = new Map<string, { area: string; us: number }>();
  for (const [id, us] of selfMicros) {
    const node = byId.get(id)!;
    const { area, source } = describe(id);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const name = node.callFrame.functionName || "(anonymous)";
    const key = `${name} ${source}`;
    const entry = byFunction.get(key) ?? { name, source, area, ms: 0, share: 0 };
    entry.ms += us / 1000;
    byFunction.set(key, entry);
    // A file without its line; a package's files as the package (its dist layout says little).
    const file = source.replace(/:\d+$/, "").replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\/(?!dist\/compiled\/).*$/, "$1");
    const fileEntry = byFile.get(file) ?? { area, us: 0 };
    fileEntry.us += us;
    byFile.set(file, fileEntry);
  }
  const perRequest = (ms: number) => (requests > 0 ? ms / requests : 0);
  return {
    requests,
    busyMs: totalMicros / 1000,
    msPerRequest: perRequest(totalMicros / 1000),
    areas: [...byArea]
      .map(([area, us]) => ({ area, ms: us / 1000, msPerRequest: perRequest(us / 1000), share: totalMicros ? us / totalMicros : 0 }))
      .sort((a, b) => b.ms - a.ms),
    functions: [...byFunction.values()]
      .map((entry) => ({ ...entry, share: totalMicros ? (entry.ms * 1000) / totalMicros : 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 25),
    files: [...byFile]
      .map(([file, { area, us }]) => ({ file, area, msPerRequest: perRequest(us / 1000), share: totalMicros ? us / totalMicros : 0 }))
      .sort((a, b) => b.share - a.share)
      .slice(0, 25),
  };
}
