// One measurement: autocannon against a route for a fixed time after a warm-up, with the
// server's CPU time per request read from /proc, so that a busy machine shows up as fewer
// requests per second but (mostly) not as more CPU per request.
import autocannon, { type Options } from "autocannon";
import { cpuMillis, machineCpu } from "./server";

export type Measurement = {
  name: string;
  route: string;
  connections: number;
  /** 2xx answers. */
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** 2xx answers per second. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU milliseconds the server (and, on PostgreSQL, its database backends) spent per request. */
  cpuMsPerRequest: number | null;
  /** Share of the machine's CPU that other processes (not the server, its database or the bench) used meanwhile. */
  otherLoad: number;
  /** Why a measurement was skipped or is suspect. */
  note: string | null;
};

export type LoadSpec = {
  name: string;
  baseUrl: string;
  /** Shown in the report, e.g. "POST /api/webhooks". */
  route: string;
  connections: number;
  duration: number;
  warmup: number;
  requests: NonNullable<Options["requests"]>;
  /** Processes whose CPU time counts as the server's. */
  cpuPids: () => Promise<number[]>;
};

/** GETs a path once: the status code, or 0 when nothing answers. */
export async function probe(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export function skipped(spec: Pick<LoadSpec, "name" | "route" | "connections">, note: string): Measurement {
  return { ...spec, requests: 0, non2xx: 0, errors: 0, seconds: 0, rps: 0, p50: 0, p99: 0, max: 0, cpuMsPerRequest: null, otherLoad: 0, note };
}

export async function measure(spec: LoadSpec): Promise<Measurement> {
  const options: Options = { url: spec.baseUrl, connections: spec.connections, timeout: 30, requests: spec.requests };
  if (spec.warmup > 0) await autocannon({ ...options, duration: spec.warmup });

  const pidsBefore = await spec.cpuPids();
  const cpuBefore = new Map(pidsBefore.map((pid) => [pid, cpuMillis([pid])]));
  const machineBefore = machineCpu();
  const benchBefore = process.cpuUsage();
  const result = await autocannon({ ...options, duration: spec.duration });
  const benchMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(benchBefore));
  const machineAfter = machineCpu();
  const pidsAfter = await spec.cpuPids();
  // Processes that started during the run count whole; those that ended during it are lost (rare).
  const cpu = pidsAfter.reduce((sum, pid) => sum + cpuMillis([pid]) - (cpuBefore.get(pid) ?? 0), 0);
  const machineMs = (machineAfter.total - machineBefore.total) * 10;
  const otherMs = (machineAfter.busy - machineBefore.busy) * 10 - cpu - benchMs;
  const otherLoad = machineMs > 0 ? Math.max(0, otherMs / machineMs) : 0;

  const requests = result["2xx"];
  const codes = Object.entries(result.statusCodeStats)
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, { count }]) => `${count}×${code}`);
  const problems = [
    ...codes,
    ...(result.errors > 0 ? [`${result.errors} errors${result.timeouts > 0 ? ` (${result.timeouts} timeouts)` : ""}`] : []),
    ...(requests === 0 ? [`no request completed within ${spec.duration} s`] : requests < 20 ? [`only ${requests} requests completed: rough figures`] : []),
  ];
  return {
    name: spec.name,
    route: spec.route,
    connections: spec.connections,
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    cpuMsPerRequest: requests > 0 ? cpu / requests : null,
    otherLoad,
    note: problems.length > 0 ? problems.join(", ") : null,
  };
}
