// The bench's figures as a table, the issue's targets as met / missed, and what would close
// each gap. The same figures go to bench/results/latest.json.
import { formatBundles, frameworkFloor, kilobytes, type BundleReport } from "./bundle";
import type { DatabaseKind } from "./databases";
import type { ExportResult } from "./export";
import type { LiveUpdateResult } from "./live-updates";
import type { Measurement } from "./load";
import type { ProfileSummary } from "./profile";

export type DatabaseResults = {
  kind: DatabaseKind;
  /** Share of the machine's CPU busy with other work just before the measurements. */
  busyBefore: number;
  /** kept: an earlier run's database (--database-url), not seeded by this run. */
  seed: { consultations: number; rows: number; seconds: number; kept?: boolean };
  memory: { afterStartBytes: number; peakBytes: number };
  measurements: Measurement[];
  /** GET /api/consultations/export of every seeded consultation, one download (null: not measured, --only). */
  csvExport: ExportResult | null;
  /** From a webhook's 2xx to its row in the open list, in Chromium (null: not measured). */
  liveUpdates: LiveUpdateResult | null;
  profiles: {
    name: string;
    summary: ProfileSummary;
    /** The window of the kept .cpuprofile this summary covers (its monotonic clock, µs). */
    windowMicros: [number, number];
    serverCpuMsPerRequest: number | null;
    databaseCpuMsPerRequest: number | null;
  }[];
};

export type BenchResults = {
  startedAt: string;
  finishedAt: string;
  commit: string;
  node: string;
  cpus: number;
  options: { consultations: number; duration: number; warmup: number; databases: DatabaseKind[]; only: string[]; profile: boolean; liveUpdates: number };
  databases: DatabaseResults[];
  /** First-load JavaScript per route, from the build measured (null: the build wrote no route-bundle-stats.json). */
  firstLoadJs: BundleReport | null;
  targets: Target[];
};

/** database: null for a figure of the build, the same for both databases. */
export type Target = { target: string; database: DatabaseKind | null; status: "met" | "missed" | "not measured"; detail: string; gap: string | null };

const label: Record<DatabaseKind, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };
const fullScale = 1_000_000;

const find = (results: DatabaseResults, name: string, connections?: number) =>
  results.measurements.find((m) => m.name === name && (connections === undefined || m.connections === connections));
const measured = (m: Measurement | undefined): m is Measurement => m !== undefined && m.requests > 0;

/** How a row compares with its yardstick: ingest with the ceiling (throughput), pages with /hello (cost). */
export function ratioOf(results: DatabaseResults, m: Measurement): { value: number; text: string } | null {
  if (!measured(m)) return null;
  if (m.name.startsWith("ingest")) {
    const ceiling = find(results, "ceiling", m.connections);
    return measured(ceiling) ? { value: m.rps / ceiling.rps, text: `${(m.rps / ceiling.rps).toFixed(2)}× ceiling` } : null;
  }
  if (m.name === "flooded ingest") {
    // Alone just before the flood when measured (the same requests and connections, the database
    // as the flood finds it), else the recommendation figure.
    const alone = find(results, "unflooded ingest", m.connections) ?? find(results, "ingest recommendation", m.connections);
    return measured(alone) ? { value: m.rps / alone.rps, text: `${(m.rps / alone.rps).toFixed(2)}× unflooded` } : null;
  }
  if (m.name === "hello page, no session") {
    // What the session check costs every signed-in page: /hello signed in minus /hello without.
    const hello = find(results, "hello page");
    if (!measured(hello) || m.cpuMsPerRequest === null || hello.cpuMsPerRequest === null) return null;
    const check = hello.cpuMsPerRequest - m.cpuMsPerRequest;
    return { value: check, text: `session check ${check.toFixed(2)} ms CPU` };
  }
  if (m.name === "list page" || m.name === "detail page" || m.name === "member page" || m.name === "worklist page" || m.name === "insights page") {
    const hello = find(results, "hello page");
    return measured(hello) ? { value: hello.rps / m.rps, text: `${(hello.rps / m.rps).toFixed(2)}× hello cost` } : null;
  }
  return null;
}

export function evaluateTargets(all: DatabaseResults[], consultations: number): Target[] {
  const targets: Target[] = [];
  const scaleNote = consultations < fullScale ? ` (measured at ${consultations.toLocaleString("en")}; the target is set at 1M: run with --large)` : "";
  for (const results of all) {
    const database = results.kind;
    const ingest = results.measurements.filter((m) => m.name.startsWith("ingest") && measured(m));
    const ratios = ingest.map((m) => ({ m, ratio: ratioOf(results, m)?.value ?? 0 }));
    const worst = ratios.sort((a, b) => a.ratio - b.ratio)[0];
    if (worst) {
      const ceiling = find(results, "ceiling", worst.m.connections)!;
      const extraCpu = worst.m.cpuMsPerRequest !== null && ceiling.cpuMsPerRequest !== null ? worst.m.cpuMsPerRequest - ceiling.cpuMsPerRequest : null;
      const inDatabase = worst.m.databaseCpuMsPerRequest === null ? "" : `, ${worst.m.databaseCpuMsPerRequest.toFixed(2)} ms of it in PostgreSQL`;
      targets.push({
        target: "ingest ≥ 0.8× ceiling",
        database,
        status: worst.ratio >= 0.8 ? "met" : "missed",
        detail: `worst ${worst.ratio.toFixed(2)}× (${worst.m.name.replace("ingest ", "")}, ${worst.m.connections} connections)`,
        gap:
          worst.ratio >= 0.8
            ? null
            : `the webhook costs ${extraCpu === null ? "?" : extraCpu.toFixed(2)} ms more CPU per request than the bare route${inDatabase}, ` +
              `and its p50 is ${worst.m.p50} ms at ${worst.m.connections} connections: webhooks are received in front of Next.js already, so what is left ` +
              "is each batch's commit, which every connection waits on (" +
              (database === "postgresql" ? "the batch's one statement in PostgreSQL" : "the writer thread's statements and fsync") +
              "): a shorter commit per batch, or fewer rows per recommendation" +
              "; see docs/performance.md and npm run bench -- --profile",
      });
    } else {
      targets.push({ target: "ingest ≥ 0.8× ceiling", database, status: "not measured", detail: "no ingest figures", gap: null });
    }

    const flooded = find(results, "flooded ingest");
    const floodRatio = flooded ? ratioOf(results, flooded) : null;
    targets.push(
      !flooded || !floodRatio
        ? { target: "ingest under a stranger flood ≥ 0.5× alone", database, status: "not measured", detail: flooded?.note ?? "not measured", gap: null }
        : {
            target: "ingest under a stranger flood ≥ 0.5× alone",
            database,
            status: floodRatio.value >= 0.5 ? "met" : "missed",
            detail: `${floodRatio.text} (recommendations, 8 connections, beside 32 connections of unsigned requests)`,
            gap:
              floodRatio.value >= 0.5
                ? null
                : "each refused request still costs the framework's per-request work; refuse strangers earlier (proxy.ts) or in front of Care Desk",
          },
    );

    const at8 = ingest.filter((m) => m.connections === 8).sort((a, b) => b.p99 - a.p99)[0];
    targets.push(
      at8
        ? {
            target: "ingest p99 ≤ 50 ms at 8 connections",
            database,
            status: at8.p99 <= 50 ? "met" : "missed",
            detail: `worst p99 ${at8.p99} ms (${at8.name.replace("ingest ", "")})`,
            gap:
              at8.p99 <= 50
                ? null
                : "p99 is queueing behind other requests' CPU and the group commit in front; less CPU per request shortens both",
          }
        : { target: "ingest p99 ≤ 50 ms at 8 connections", database, status: "not measured", detail: "no ingest figures", gap: null },
    );

    for (const page of ["list page", "detail page"] as const) {
      const m = find(results, page);
      const ratio = m ? ratioOf(results, m) : null;
      targets.push(
        !m || !ratio
          ? { target: `${page} ≤ 2× hello page at 1M`, database, status: "not measured", detail: m?.note ?? "not measured", gap: null }
          : {
              target: `${page} ≤ 2× hello page at 1M`,
              database,
              status: ratio.value <= 2 ? "met" : "missed",
              detail: `${ratio.text}${scaleNote}`,
              gap:
                ratio.value <= 2
                  ? null
                  : `${m.cpuMsPerRequest?.toFixed(1) ?? "?"} ms CPU per page vs ${find(results, "hello page")?.cpuMsPerRequest?.toFixed(1) ?? "?"} ms for /hello: ` +
                    "check the page's lib/data queries with EXPLAIN (keyset on an index, no COUNT over the whole table per request) and how much it renders",
            },
      );
    }

    const insights = find(results, "insights page");
    const uncached = find(results, "insights, uncached");
    targets.push(
      !measured(insights)
        ? { target: "insights page p99 ≤ 300 ms at 1M", database, status: "not measured", detail: find(results, "insights page")?.note ?? "not measured", gap: null }
        : {
            target: "insights page p99 ≤ 300 ms at 1M",
            database,
            status: insights.p99 <= 300 ? "met" : "missed",
            detail:
              `p99 ${insights.p99} ms, p50 ${insights.p50} ms, 8 connections` +
              (measured(uncached) ? `; counting afresh (uncached, 1 connection) p50 ${uncached.p50} ms, p99 ${uncached.p99} ms` : "") +
              scaleNote,
            gap:
              insights.p99 <= 300
                ? null
                : `the figures are cached per range (lib/data/figures-cache.ts), so a page costs ${insights.cpuMsPerRequest?.toFixed(1) ?? "?"} ms CPU against ${find(results, "hello page")?.cpuMsPerRequest?.toFixed(1) ?? "?"} ms for /hello ` +
                  `(p99 ${find(results, "hello page")?.p99 ?? "?"} ms): a p99 above target is requests queueing for the CPU, behind renders, a recount or other processes; see docs/performance.md`,
          },
    );

    const searches = results.measurements.filter((m) => m.name.startsWith("search"));
    const measuredSearches = searches.filter(measured).sort((a, b) => b.p99 - a.p99);
    const slowest = measuredSearches[0];
    targets.push(
      !slowest
        ? { target: "search p99 ≤ 300 ms at 1M", database, status: "not measured", detail: searches[0]?.note ?? "not measured", gap: null }
        : {
            target: "search p99 ≤ 300 ms at 1M",
            database,
            status: slowest.p99 <= 300 ? "met" : "missed",
            detail: `slowest ${slowest.name.replace("search ", "by ")} p99 ${slowest.p99} ms${scaleNote}`,
            gap:
              slowest.p99 <= 300
                ? null
                : `search ${slowest.name.replace("search ", "by ")} needs a query an index can answer (exact or prefix match on an indexed column; ` +
                  "a trigram index on PostgreSQL or FTS5 on SQLite for substrings), and a LIMIT applied before joining the rest",
          },
    );

    const live = results.liveUpdates;
    targets.push(
      !live || live.sent === 0
        ? { target: "live update p99 ≤ 1.5 s (2xx → row on screen)", database, status: "not measured", detail: live?.note ?? "not measured (--live-updates 0 or --only)", gap: null }
        : {
            target: "live update p99 ≤ 1.5 s (2xx → row on screen)",
            database,
            status: live.p99 <= 1500 && live.seen === live.sent ? "met" : "missed",
            detail:
              (live.seen > 0 ? `p99 ${live.p99} ms, p50 ${live.p50} ms, max ${live.max} ms, ` : "") +
              `${live.seen} of ${live.sent} rows seen in Chromium` +
              (live.note ? ` (${live.note})` : ""),
            gap:
              live.p99 <= 1500 && live.seen === live.sent
                ? null
                : "the list polls every 500 ms and re-renders on the server (components/live-poll.tsx): a p99 above target is the re-render queueing for the CPU, or rows that never appeared; see docs/performance.md",
          },
    );
  }
  return targets;
}

/** The pages the bench measures, and the largest page, in the report's first-load JS table. */
const reportedRoutes = ["/hello", "/consultations", "/consultations/[id]", "/members/[userId]", "/insights", "/worklist"];
export const firstLoadBudget = { route: "/consultations", gzipBytes: 120_000 };

export function evaluateFirstLoadTarget(report: BundleReport | null): Target {
  const target = `first-load JS of ${firstLoadBudget.route} ≤ ${firstLoadBudget.gzipBytes / 1000} KB gz`;
  const page = report?.routes.find((route) => route.route === firstLoadBudget.route);
  if (!report || !page) return { target, database: null, status: "not measured", detail: report ? `${firstLoadBudget.route} not in the build` : "no .next/diagnostics/route-bundle-stats.json", gap: null };
  const met = page.gzipBytes <= firstLoadBudget.gzipBytes;
  return {
    target,
    database: null,
    status: met ? "met" : "missed",
    detail: `${kilobytes(page.gzipBytes)} (every page shares ${kilobytes(report.shared.gzipBytes)}; an empty Next.js app loads ${kilobytes(frameworkFloor.gzipBytes)})`,
    gap: met
      ? null
      : `${kilobytes(page.gzipBytes - report.shared.gzipBytes)} is the page's own code and ${kilobytes(report.shared.gzipBytes - frameworkFloor.gzipBytes)} what every page adds to the framework; ` +
        `the framework alone (React 19 and the Next.js 16 App Router: ${frameworkFloor.note}) is ${kilobytes(frameworkFloor.gzipBytes - firstLoadBudget.gzipBytes)} over the target, ` +
        "so it cannot be met with this stack; see docs/performance.md#first-load-javascript",
  };
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, digits = 0) => value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const megabytes = (bytes: number) => `${num(bytes / 1024 / 1024)} MB`;

export function formatReport(results: BenchResults): string {
  const lines: string[] = [];
  lines.push(
    `Care Desk bench · ${results.startedAt} · commit ${results.commit} · Node ${results.node} · ${results.cpus} CPUs · ` +
      `${num(results.options.consultations)} consultations · ${results.options.duration} s per figure`,
  );
  lines.push("Absolute figures vary ±30 % between runs on shared machines; compare the ratios.");
  for (const db of results.databases) {
    lines.push("");
    if (db.busyBefore >= 0.25) {
      lines.push(`Note: other processes kept ${Math.round(db.busyBefore * 100)} % of the CPUs busy when the ${label[db.kind]} figures began; they are lower than on a quiet machine.`);
    }
    lines.push(
      `${pad(label[db.kind], 53)}${"conn".padStart(5)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"CPU ms/req".padStart(11)}${(db.kind === "postgresql" ? "  in db" : "").padEnd(8)}   ratio`,
    );
    for (const m of db.measurements) {
      const name = `  ${pad(m.name, 23)}${pad(m.route, 28)}`;
      if (m.requests === 0) {
        lines.push(`${name}${String(m.connections).padStart(5)}   ${m.note ?? "no request completed"}`);
        continue;
      }
      const ratio = ratioOf(db, m)?.text ?? "";
      const cpu = m.cpuMsPerRequest === null ? "–" : num(m.cpuMsPerRequest, 2);
      const inDb = m.databaseCpuMsPerRequest === null ? "" : num(m.databaseCpuMsPerRequest, 2).padStart(8);
      const notes = [...(m.note ? [m.note] : []), ...(m.otherLoad > 0.25 ? [`other processes used ${Math.round(m.otherLoad * 100)} % of the CPUs`] : [])];
      lines.push(
        `${name}${String(m.connections).padStart(5)}${num(m.rps).padStart(8)}${String(m.p50).padStart(8)}${String(m.p99).padStart(8)}${cpu.padStart(11)}${inDb.padEnd(8)}   ${pad(ratio, 17)}${notes.length ? ` (${notes.join("; ")})` : ""}`,
      );
    }
    if (db.liveUpdates) {
      const live = db.liveUpdates;
      lines.push(
        `  ${pad("live update", 23)}${pad("2xx → row in list, Chromium", 28)}${"1".padStart(5)}${"".padStart(8)}` +
          (live.seen > 0 ? `${String(live.p50).padStart(8)}${String(live.p99).padStart(8)}   ${num(live.seen)} of ${num(live.sent)} rows, max ${num(live.max)} ms` : "   no row measured") +
          (live.note ? ` (${live.note})` : ""),
      );
    }
    const csv = db.csvExport;
    if (csv) lines.push(
      `  ${pad("CSV export", 23)}${pad("GET /api/consultations/export", 28)}${"1".padStart(5)}   ` +
        (csv.status === 200
          ? `${num(csv.rows)} rows, ${megabytes(csv.bytes)} in ${num(csv.seconds, 1)} s (${num(csv.rows / Math.max(csv.seconds, 0.001))} rows/s` +
            `${csv.cpuMsPerThousandRows === null ? "" : `, CPU ${num(csv.cpuMsPerThousandRows, 1)} ms per 1,000 rows`}); ` +
            `server memory ${megabytes(csv.rssBeforeBytes)} before, peak ${megabytes(csv.rssPeakBytes)} during`
          : `answered ${csv.status}`),
    );
    lines.push(
      `  server memory: ${megabytes(db.memory.afterStartBytes)} after start, peak ${megabytes(db.memory.peakBytes)} · ` +
        (db.seed.kept
          ? `${num(db.seed.consultations)} consultations in a database an earlier run seeded`
          : `seeded ${num(db.seed.consultations)} consultations (${num(db.seed.rows)} rows) in ${num(db.seed.seconds)} s`),
    );
    for (const profile of db.profiles) {
      const s = profile.summary;
      lines.push("");
      const cpu = (value: number | null) => (value === null ? "?" : num(value, 2));
      lines.push(
        `  Profile, ${profile.name}, ${num(s.requests)} requests: the main thread was busy ${num(s.msPerRequest, 2)} ms per request ` +
          `(CPU ${cpu(profile.serverCpuMsPerRequest)} ms` +
          (profile.databaseCpuMsPerRequest === null ? "" : `, + ${cpu(profile.databaseCpuMsPerRequest)} ms in PostgreSQL`) +
          "; busy = CPU + blocking calls such as fsync)",
      );
      for (const area of s.areas.filter((a) => a.share >= 0.01)) {
        lines.push(`    ${pad(area.area, 44)}${num(area.msPerRequest, 3).padStart(8)} ms/req ${`${num(area.share * 100)} %`.padStart(6)}`);
      }
      lines.push("    top files and packages (self time):");
      for (const file of (s.files ?? []).slice(0, 15)) {
        lines.push(`    ${`${num(file.share * 100, 1)} %`.padStart(7)}${num(file.msPerRequest, 3).padStart(8)} ms/req  ${file.file}`);
      }
      lines.push("    top functions (self time):");
      for (const fn of s.functions.slice(0, 12)) {
        lines.push(`    ${`${num(fn.share * 100, 1)} %`.padStart(7)}  ${fn.name} — ${fn.source}`);
      }
    }
  }
  if (results.firstLoadJs) {
    lines.push("");
    lines.push(...formatBundles(results.firstLoadJs, reportedRoutes));
  }
  const name = (t: Target) => (t.database === null ? t.target : `${t.target}, ${label[t.database]}`);
  lines.push("");
  lines.push("Targets");
  for (const t of results.targets) lines.push(`  ${pad(t.status, 13)}${pad(name(t), 52)}${t.detail}`);
  const gaps = results.targets.filter((t) => t.gap);
  if (gaps.length > 0) {
    lines.push("");
    lines.push("What would close the gaps");
    for (const t of gaps) lines.push(`  ${name(t)}: ${t.gap}.`);
  }
  return lines.join("\n");
}
