// npm run bench [-- --large] [--duration 5] [--databases sqlite,postgresql] [--profile] [--only insights,export]
// Builds if needed, then for each database: a fresh database filled with generated
// consultations, `next start` on it, and side by side in the same run: the ceiling (a route
// that does no database work), webhook ingest of both payload kinds, the list and detail pages
// against a hello-world page, search, the server's peak memory, the CSV export of every
// consultation (time and the server's peak memory while it streams), and how long a new
// consultation takes to show in an open list in Chromium; and, from the build, each page's
// first-load JavaScript (scripts/bench/bundle.ts). A benchmark, never a test.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { z } from "zod";
import { buildIfNeeded } from "./lib/build";
import { parseOptions } from "./lib/cli";
import { root } from "./lib/prisma-schemas";
import { createDatabase, kindOfUrl, openKeptDatabase, type BenchDatabase, type DatabaseKind } from "./bench/databases";
import { measureBundles } from "./bench/bundle";
import { measureExport } from "./bench/export";
import { measureLiveUpdates } from "./bench/live-updates";
import { measure, probe, skipped, type LoadSpec, type Measurement } from "./bench/load";
import { summarizeProfile } from "./bench/profile";
import { evaluateFirstLoadTarget, evaluateTargets, formatReport, type BenchResults, type DatabaseResults } from "./bench/report";
import { cycle, recommendations, statusUpdates } from "./bench/requests";
import { seedDatabase, type SeedResult } from "./bench/seed";
import { signInCoordinator } from "./bench/sign-in";
import { cpuMillis, machineBusyShare, sampleMemory, serverTree, startServer, type BenchServer } from "./bench/server";

const usage = `Usage: npm run bench [-- options]

  --large                  1,000,000 consultations instead of 100,000 (seeding takes a while)
  --consultations <n>      any other number of consultations
  --duration <seconds>     per figure (default 5)
  --warmup <seconds>       before each figure, not counted (default 1)
  --databases <list>       sqlite,postgresql (default both)
  --postgres-url <url>     a local server to create care_desk_bench_* on
                           (default postgresql://postgres@127.0.0.1:5432/postgres)
  --port <n>               port for next start (default 3300)
  --profile                also profile webhook ingest and (with pages, insights) the hello, list, detail and insights
                           pages (node --cpu-prof) and say where the CPU goes
  --live-updates <n>       new consultations whose way from 2xx to the open list (Chromium) is
                           timed (default 20; 0: skip)
  --wait-quiet <seconds>   before measuring, wait up to this long for other processes to leave
                           the CPUs mostly idle (default 180; 0: do not wait)
  --only <list>            only these figures: ingest (with the ceiling and the flood), pages,
                           insights, search, export, live-updates (default all)
  --keep-database          keep the seeded database and print its URL (for --database-url)
  --database-url <url>     measure a database an earlier --keep-database run seeded, instead of
                           seeding a fresh one (its pending migrations are applied; never dropped)`;

const figureNames = ["ingest", "pages", "insights", "search", "export", "live-updates"] as const;

const options = parseOptions(
  process.argv.slice(2),
  {
    large: { type: "boolean" },
    consultations: { type: "string" },
    duration: { type: "string" },
    warmup: { type: "string" },
    databases: { type: "string" },
    "postgres-url": { type: "string" },
    port: { type: "string" },
    profile: { type: "boolean" },
    "live-updates": { type: "string" },
    "wait-quiet": { type: "string" },
    only: { type: "string" },
    "keep-database": { type: "boolean" },
    "database-url": { type: "string" },
  },
  z.object({
    large: z.boolean().default(false),
    consultations: z.coerce.number().int().min(100).max(10_000_000).optional(),
    duration: z.coerce.number().min(1).max(600).default(5),
    warmup: z.coerce.number().min(0).max(60).default(1),
    databases: z
      .string()
      .default("sqlite,postgresql")
      .transform((text) => text.split(",").map((item) => item.trim()))
      .pipe(z.array(z.enum(["sqlite", "postgresql"])).min(1)),
    "postgres-url": z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5432/postgres"),
    port: z.coerce.number().int().min(1024).max(65535).default(3300),
    profile: z.boolean().default(false),
    "live-updates": z.coerce.number().int().min(0).max(1000).default(20),
    "wait-quiet": z.coerce.number().min(0).max(3600).default(180),
    only: z
      .string()
      .default(figureNames.join(","))
      .transform((text) => text.split(",").map((item) => item.trim()))
      .pipe(z.array(z.enum(figureNames)).min(1)),
    "keep-database": z.boolean().default(false),
    "database-url": z.string().trim().min(1).optional(),
  }),
  usage,
);

const consultations = options.consultations ?? (options.large ? 1_000_000 : 100_000);
const only = new Set(options.only);
const runId = `${Date.now().toString(36)}_${process.pid}`;
const signingSecret = `whsec_${randomBytes(32).toString("base64")}`;
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
/** Microseconds on the monotonic clock (not since the epoch): the clock of the CPU profiles. */
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

// Whatever was started is stopped and dropped, also on Ctrl-C.
const cleanups: (() => Promise<void>)[] = [];
const cleanUp = async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch((error) => console.error("clean-up:", (error as Error).message));
};
/** Registers a clean-up and returns it, to run early (once) when its resource is done with. */
function track(cleanup: () => Promise<void>): () => Promise<void> {
  cleanups.push(cleanup);
  return async () => {
    const index = cleanups.indexOf(cleanup);
    if (index < 0) return;
    cleanups.splice(index, 1);
    await cleanup();
  };
}
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
process.once("SIGTERM", () => void cleanUp().then(() => process.exit(143)));

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

/** Waits (up to --wait-quiet) until other processes leave the CPUs mostly idle; returns their last busy share. */
async function waitForQuiet(): Promise<number> {
  const deadline = Date.now() + options["wait-quiet"] * 1000;
  for (;;) {
    const busy = await machineBusyShare(2000);
    if (busy < 0.25 || Date.now() >= deadline) return busy;
    log(`  other processes keep ${Math.round(busy * 100)} % of the CPUs busy; waiting for a quieter moment`);
  }
}

type Processes = Pick<LoadSpec, "serverPids" | "databasePids">;

/** /insights for `count` 30-day ranges (UTC days), ending today, yesterday, and so on back. */
function insightRanges(count: number): string[] {
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, index) => `/insights?from=${day(index + 29)}&to=${day(index)}`);
}

async function measurePages(server: BenchServer, seed: SeedResult, processes: Processes, databaseUrl: string): Promise<Measurement[]> {
  const base = { baseUrl: server.baseUrl, duration: options.duration, warmup: options.warmup, ...processes };
  // Signed in as a coordinator: every page and search below checks the session first.
  const signedIn = { cookie: await signInCoordinator(server.baseUrl, databaseUrl) };
  const results: Measurement[] = [];
  const detailPaths = seed.detailIds.map((id) => `/consultations/${id}`);
  const memberPaths = seed.memberIds.map((userId) => `/members/${userId}`);
  const pages = [
    { name: "hello page", route: "GET /hello", paths: ["/hello"] },
    // The same page with a session cookie whose signature is wrong: the proxy lets it through and
    // the session check stops at the signature, with no database read. The difference between
    // the two is what the session check (the root layout reads it for the header) costs a page.
    { name: "hello page, no session", route: "GET /hello", paths: ["/hello"], cookie: "care-desk.session_token=forged.signature" },
    { name: "list page", route: "GET /consultations", paths: ["/consultations"] },
    { name: "detail page", route: "GET /consultations/[id]", paths: detailPaths },
    // A member's ids, first page of consultations, every prescription checked for repeats.
    { name: "member page", route: "GET /members/[userId]", paths: memberPaths },
    // The last 30 days (UTC: the bench sends no tz cookie): five aggregates over the status-time
    // index, cached per range for 30 s (lib/data/insights.ts), as a coordinator sees it.
    // Viewed once first: the figure is the page with its figures counted (the first view of a
    // range, or one after 2 minutes unviewed, costs what the uncached figure below shows).
    { name: "insights page", route: "GET /insights", paths: ["/insights"], prime: true },
    // 30-day ranges ending on each of the last 200 days, one connection: more ranges than the
    // cache keeps (64), cycled in order, so every request counts its figures afresh.
    { name: "insights, uncached", route: "GET /insights?from&to", paths: insightRanges(200), connections: 1 },
    // The first page of open tasks by due date (the seeded tasks of every current recommendation), their counts and the assignable users.
    { name: "worklist page", route: "GET /worklist", paths: ["/worklist"] },
  ].filter((page) =>
    // /hello is the yardstick of the insights figures too.
    page.name.startsWith("insights") ? only.has("insights") : only.has("pages") || (page.name === "hello page" && only.has("insights")),
  );
  for (const page of pages) {
    if (page.paths.length === 0) {
      results.push(skipped({ name: page.name, route: page.route, connections: 8 }, "nothing to open in the seeded data"));
      continue;
    }
    const status = await probe(server.baseUrl + page.paths[0]);
    if (status === 404) {
      results.push(skipped({ name: page.name, route: page.route, connections: 8 }, "not available (404)"));
      log(`  ${page.name}: not available (404)`);
      continue;
    }
    log(`  ${page.name}`);
    if ("prime" in page) await (await fetch(server.baseUrl + page.paths[0], { headers: signedIn })).text();
    results.push(
      await measure({ ...base, name: page.name, route: page.route, connections: page.connections ?? 8, requests: cycle(page.paths, page.cookie !== undefined ? { cookie: page.cookie } : signedIn) }),
    );
  }

  const searches = [
    { name: "search id", values: seed.search.id },
    { name: "search policy number", values: seed.search.policyNumber },
    { name: "search drug name", values: seed.search.drugName },
    { name: "search ICD-10 code", values: seed.search.icd10Code },
  ];
  const searchPath = (value: string) => `/api/consultations?q=${encodeURIComponent(value)}`;
  if (!only.has("search")) return results;
  const available = (await probe(server.baseUrl + searchPath(seed.search.id[0] ?? "1"))) !== 404;
  for (const search of searches) {
    const route = "GET /api/consultations?q=";
    if (!available) {
      results.push(skipped({ name: search.name, route, connections: 1 }, "not available (404)"));
      continue;
    }
    log(`  ${search.name}`);
    // One connection: the latency one coordinator sees, without queueing behind others.
    results.push(await measure({ ...base, name: search.name, route, connections: 1, requests: cycle(search.values.map(searchPath), signedIn) }));
  }
  if (!available) log("  search: not available (404)");
  return results;
}

const parseJsonLine = (line: string | undefined): unknown => {
  try {
    return JSON.parse(line ?? "null");
  } catch {
    return null;
  }
};

/**
 * Genuine recommendations (8 connections) alone, then while strangers send unsigned webhooks on
 * 32 more connections from 16 addresses (scripts/bench/flood.ts, in its own process); the report
 * compares the two. (Compared with the recommendation figure of a minute before, the ratio moved
 * with whatever the 32-connection figures left the database doing.) The flooded figure's CPU
 * per request includes the strangers'.
 */
async function measureUnderFlood(base: Omit<LoadSpec, "name" | "route" | "connections" | "requests">, requests: LoadSpec["requests"]): Promise<Measurement[]> {
  const alone = await measure({ ...base, name: "unflooded ingest", route: "POST /api/webhooks, just before the flood", connections: 8, requests });
  const seconds = base.warmup + base.duration + 2;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/bench/flood.ts"), base.baseUrl, "32", String(seconds)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      lines.push(...chunk.split("\n").filter(Boolean));
      if (lines.includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the flood exited (${code}) before it started`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await ready;
  const genuine = await measure({ ...base, name: "flooded ingest", route: "POST /api/webhooks + 32 strangers", connections: 8, requests });
  await exited;
  const strangers = z.object({ rps: z.number(), codes: z.record(z.string(), z.number()) }).safeParse(parseJsonLine(lines.at(-1)));
  const note = strangers.success
    ? `strangers: ${Math.round(strangers.data.rps).toLocaleString("en")} req/s (${Object.entries(strangers.data.codes).map(([code, count]) => `${count}×${code}`).join(", ") || "no answer"})`
    : "the flood reported nothing";
  return [alone, { ...genuine, note: genuine.note ? `${genuine.note}; ${note}` : note }];
}

type ProfileKind = { name: string; route: string; requests: LoadSpec["requests"] };

/**
 * Runs each kind of request against a server started under `node --cpu-prof` and summarises the
 * profile per kind's window. `kindsFor` gets the running server (pages sign in on it first).
 */
async function profileServer(db: BenchDatabase, port: number, label: string, kindsFor: (server: BenchServer) => Promise<ProfileKind[]>): Promise<DatabaseResults["profiles"]> {
  await waitForQuiet();
  const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-bench-profile-"));
  const removeDir = track(async () => rmSync(dir, { recursive: true, force: true }));
  const server = await startServer({ port, databaseUrl: db.target.url, signingSecret, cpuProfileDir: dir });
  const stopServer = track(server.stop);
  const windows: { name: string; from: number; to: number; requests: number; serverCpu: number; databaseCpu: number | null }[] = [];
  for (const kind of await kindsFor(server)) {
    await autocannon({ url: server.baseUrl, connections: 8, duration: Math.max(1, options.warmup), requests: kind.requests });
    const from = nowMicros();
    const serverCpuBefore = cpuMillis(serverTree(server.pid));
    const m = await measure({
      name: kind.name,
      route: kind.route,
      baseUrl: server.baseUrl,
      connections: 8,
      duration: options.duration * 2,
      warmup: 0,
      requests: kind.requests,
      serverPids: () => serverTree(server.pid),
      databasePids: () => db.backendPids(),
    });
    const serverCpu = cpuMillis(serverTree(server.pid)) - serverCpuBefore;
    windows.push({ name: kind.name, from, to: nowMicros(), requests: m.requests, serverCpu, databaseCpu: m.databaseCpuMsPerRequest });
  }
  await stopServer();
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("the server wrote no CPU profile");
  // Kept for Chrome DevTools (Performance panel, "Load profile").
  const kept = path.join(root, "bench", "results", `${label}-${db.kind}.cpuprofile`);
  mkdirSync(path.dirname(kept), { recursive: true });
  copyFileSync(path.join(dir, file), kept);
  const profiles = windows.map((window) => ({
    name: window.name,
    summary: summarizeProfile(kept, window.from, window.to, window.requests),
    windowMicros: [window.from, window.to] as [number, number],
    serverCpuMsPerRequest: window.requests > 0 ? window.serverCpu / window.requests : null,
    databaseCpuMsPerRequest: window.databaseCpu,
  }));
  await removeDir();
  log(`  raw profile: bench/results/${label}-${db.kind}.cpuprofile`);
  return profiles;
}

const profileIngest = (db: BenchDatabase, port: number) =>
  profileServer(db, port, "ingest", async () => [
    { name: "ingest status, 8 connections", route: "POST /api/webhooks", requests: statusUpdates(signingSecret) },
    { name: "ingest recommendation, 8 connections", route: "POST /api/webhooks", requests: recommendations(signingSecret).requests },
  ]);

/** The hello page and (as --only says) the list, detail and insights pages, signed in as a coordinator (the pages figures' requests). */
const profilePages = (db: BenchDatabase, port: number, seed: SeedResult) =>
  profileServer(db, port, "pages", async (server) => {
    const headers = { cookie: await signInCoordinator(server.baseUrl, db.target.url) };
    const detailPaths = seed.detailIds.map((id) => `/consultations/${id}`);
    return [
      { name: "hello page", route: "GET /hello", requests: cycle(["/hello"], headers) },
      ...(only.has("pages") ? [{ name: "list page", route: "GET /consultations", requests: cycle(["/consultations"], headers) }] : []),
      ...(only.has("pages") && detailPaths.length > 0 ? [{ name: "detail page", route: "GET /consultations/[id]", requests: cycle(detailPaths, headers) }] : []),
      ...(only.has("insights") ? [{ name: "insights page", route: "GET /insights", requests: cycle(["/insights"], headers) }] : []),
    ];
  });

/** A fresh database seeded now, or (--database-url) one seeded by an earlier run. */
async function prepareDatabase(kind: DatabaseKind): Promise<{ db: BenchDatabase; seed: SeedResult; kept: boolean; dropDatabase: () => Promise<void> }> {
  if (options["database-url"]) {
    log(`${kind}: using the kept database ${options["database-url"]}`);
    const db = await openKeptDatabase(options["database-url"]);
    const dropDatabase = track(db.drop);
    const count = await db.countConsultations();
    const samples = await db.sample();
    log(`${kind}: ${count.toLocaleString("en")} consultations already there (${samples.detailIds.length} sampled for the detail page); starting next start`);
    return { db, dropDatabase, kept: true, seed: { consultations: count, rows: 0, seconds: 0, ...samples } };
  }
  log(`${kind}: creating a fresh database`);
  const db = await createDatabase(kind, runId, options["postgres-url"]);
  const dropDatabase = track(options["keep-database"] ? db.forget : db.drop);
  log(`${kind}: seeding ${consultations.toLocaleString("en")} consultations`);
  let lastLog = Date.now();
  const seed = await seedDatabase(db.target, {
    count: consultations,
    seed: 1,
    until: new Date(),
    onProgress: (done) => {
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`  ${done.toLocaleString("en")} / ${consultations.toLocaleString("en")}`);
      }
    },
  });
  log(`${kind}: seeded ${seed.rows.toLocaleString("en")} rows in ${seed.seconds.toFixed(0)} s; starting next start`);
  if (options["keep-database"]) log(`${kind}: kept for --database-url ${db.target.url}`);
  return { db, seed, kept: false, dropDatabase };
}

async function benchDatabase(kind: DatabaseKind, port: number): Promise<DatabaseResults> {
  const { db, seed, kept, dropDatabase } = await prepareDatabase(kind);
  const busyBefore = await waitForQuiet();

  const server = await startServer({ port, databaseUrl: db.target.url, signingSecret });
  const stopServer = track(server.stop);
  const memory = sampleMemory(server.pid);
  const afterStartBytes = memory.current;
  const processes: Processes = { serverPids: () => serverTree(server.pid), databasePids: () => db.backendPids() };
  const base = { baseUrl: server.baseUrl, duration: options.duration, warmup: options.warmup, ...processes };
  const recommendation = recommendations(signingSecret);
  const measurements: Measurement[] = [];
  const ping = `{"type":"status_update","consultation_id":1,"new_status":"new","datetime":"2026-01-01T00:00:00Z"}`;
  for (const connections of only.has("ingest") ? [8, 32] : []) {
    // The ceiling is measured right next to the ingest figures it is compared with.
    log(`  ceiling and ingest, ${connections} connections`);
    measurements.push(
      await measure({ ...base, name: "ceiling", route: "POST /api/ping", connections, requests: [{ method: "POST", path: "/api/ping", headers: { "content-type": "application/json" }, body: ping }] }),
      await measure({ ...base, name: "ingest status", route: "POST /api/webhooks ~250 B", connections, requests: statusUpdates(signingSecret) }),
      await measure({ ...base, name: "ingest recommendation", route: `POST /api/webhooks ~${(recommendation.averageBytes / 1000).toFixed(1)} KB`, connections, requests: recommendation.requests }),
    );
  }
  if (only.has("ingest")) {
    log("  ingest while 32 connections of strangers flood the webhook route");
    measurements.push(...(await measureUnderFlood(base, recommendation.requests)));
  }
  if (only.has("pages") || only.has("insights") || only.has("search")) measurements.push(...(await measurePages(server, seed, processes, db.target.url)));
  memory.stop();
  const peakBytes = memory.peak;
  // After the other figures (and outside their peak): its own memory samples.
  const csvExport = only.has("export")
    ? (log(`  CSV export of all ${seed.consultations.toLocaleString("en")} consultations`),
      await measureExport({ baseUrl: server.baseUrl, cookie: await signInCoordinator(server.baseUrl, db.target.url), serverPid: server.pid }))
    : null;
  const count = only.has("live-updates") ? options["live-updates"] : 0;
  const liveUpdates = count > 0 ? (log(`  live updates in Chromium, ${count} new consultations`), await measureLiveUpdates({ baseUrl: server.baseUrl, signingSecret, count, cookie: await signInCoordinator(server.baseUrl, db.target.url) })) : null;
  await stopServer();

  const profiles = [
    ...(options.profile && only.has("ingest") ? (log(`${kind}: profiling webhook ingest`), await profileIngest(db, port)) : []),
    ...(options.profile && (only.has("pages") || only.has("insights")) ? (log(`${kind}: profiling the pages`), await profilePages(db, port, seed)) : []),
  ];
  await dropDatabase();
  return {
    kind,
    busyBefore,
    seed: { consultations: seed.consultations, rows: seed.rows, seconds: seed.seconds, kept },
    memory: { afterStartBytes, peakBytes },
    measurements,
    csvExport,
    liveUpdates,
    profiles,
  };
}

try {
  const buildStatus = buildIfNeeded();
  if (buildStatus !== 0) throw new Error(`next build failed (exit ${buildStatus})`);
  const startedAt = new Date().toISOString();
  // Of the build the servers below run: the same for every database.
  const firstLoadJs = measureBundles(root);
  const databases: DatabaseResults[] = [];
  const kinds = options["database-url"] ? [kindOfUrl(options["database-url"])] : options.databases;
  for (const kind of kinds) databases.push(await benchDatabase(kind, options.port));
  const results: BenchResults = {
    startedAt,
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.versions.node,
    cpus: os.cpus().length,
    options: {
      consultations: databases[0]?.seed.consultations ?? consultations,
      duration: options.duration,
      warmup: options.warmup,
      databases: kinds,
      only: options.only,
      profile: options.profile,
      liveUpdates: options["live-updates"],
    },
    databases,
    firstLoadJs,
    targets: [evaluateFirstLoadTarget(firstLoadJs), ...evaluateTargets(databases, databases[0]?.seed.consultations ?? consultations)],
  };
  const report = formatReport(results);
  console.log(`\n${report}`);
  const out = path.join(root, "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, "latest.txt"), `${report}\n`);
  console.log(`\nWritten to bench/results/latest.json (and latest.txt).`);
} catch (error) {
  console.error(`\nbench failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
