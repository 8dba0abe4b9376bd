// Requests that are not authenticated cost a counter, not a row: at most one of them per client
// IP per minute is recorded in the inbox (with the allowlisted headers only, never a body), and
// the rest are counted here, in memory. The record says how many went uncounted since the last.
// The counts live on globalThis: ./front-gate.ts (bundled with instrumentation.ts) and the
// route (its own bundle) count into the same windows.

export const sampleWindowMs = 60_000;
/** Distinct client IPs remembered at most; past it the oldest windows are forgotten. */
const maxTrackedClients = 10_000;

type Window = { startedAt: number; skipped: number };
type Sampler = { windows: Map<string, Window>; counted: number };
const sampler = ((globalThis as unknown as { careDeskRefusalSampler?: Sampler }).careDeskRefusalSampler ??= { windows: new Map(), counted: 0 });
const windows = sampler.windows;

/** How many unauthenticated requests this instance has refused since it started. */
export const unauthenticatedRefusals = () => sampler.counted;

/** Whether the next refusal from `clientIp` would be recorded (sampleRefusal would not return null); counts nothing. */
export function refusalWouldBeRecorded(clientIp: string, now = Date.now()): boolean {
  const window = windows.get(clientIp);
  return !window || now - window.startedAt >= sampleWindowMs;
}

/**
 * Counts one unauthenticated refusal from `clientIp`. Returns the number of refusals from that
 * client left unrecorded since its last record when this one is to be recorded, or null when it
 * is only counted.
 */
export function sampleRefusal(clientIp: string, now = Date.now()): number | null {
  sampler.counted++;
  const window = windows.get(clientIp);
  if (window && now - window.startedAt < sampleWindowMs) {
    window.skipped++;
    return null;
  }
  if (!window && windows.size >= maxTrackedClients) {
    for (const [ip, old] of windows) {
      if (now - old.startedAt >= sampleWindowMs || windows.size >= maxTrackedClients) windows.delete(ip);
      if (windows.size < maxTrackedClients / 2) break;
    }
  }
  windows.delete(clientIp); // re-inserted last: the Map's order stays oldest first
  windows.set(clientIp, { startedAt: now, skipped: 0 });
  return window?.skipped ?? 0;
}

/** What a recorded refusal says about the refusals from its address counted, not recorded, before it. */
export const unrecordedNote = (unrecorded: number): string =>
  unrecorded > 0 ? ` (${unrecorded} more unauthenticated requests from this address in the minute before were counted, not recorded.)` : "";

/** The count in a record's unrecordedNote (0 without one): the auth-failure alert adds it up. */
export function unrecordedCountIn(detail: string | null): number {
  const match = detail === null ? null : / \((\d+) more unauthenticated requests from this address in the minute before were counted, not recorded\.\)$/.exec(detail);
  return match ? Number(match[1]) : 0;
}
