// Sends planned deliveries the way a webhook sender does: paced at a rate, a bounded number in
// flight, every non-2xx answer (or a network error) retried with exponential backoff, a signed
// retry re-signed with a fresh timestamp under the same webhook id.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { Delivery } from "./deliveries";
import { deliveryHeaders, type SenderAuth } from "./sign";

export type SendOptions = {
  /** The receiver's full URL, e.g. http://localhost:3000/api/webhooks. */
  url: string;
  auth: SenderAuth;
  /** Deliveries started per second; 0 sends as fast as `concurrency` allows. */
  rate: number;
  concurrency: number;
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; each retry doubles it (with ±20 % jitter). */
  backoffMs: number;
  timeoutMs: number;
  /** Stop early when this many deliveries in a row are refused with 401 before any succeeded (0: never). */
  stopAfterUnauthorized: number;
};

export type SendStats = {
  planned: number;
  /** Deliveries whose last attempt is over. */
  done: number;
  attempts: number;
  retries: number;
  /** Deliveries by final answer. */
  ok: number;
  clientErrors: number;
  serverErrors: number;
  networkErrors: number;
  /** What the receiver said it did with the 2xx ones (processed, duplicate). */
  outcomes: Record<string, number>;
  /** Final status codes, e.g. { "200": 118, "400": 2 }. */
  statusCodes: Record<string, number>;
  /** Milliseconds per attempt that got an answer. */
  latencies: number[];
  /** The first few refusals, to show why. */
  refusals: string[];
  stoppedEarly: string | null;
};

export function emptyStats(planned: number): SendStats {
  return {
    planned,
    done: 0,
    attempts: 0,
    retries: 0,
    ok: 0,
    clientErrors: 0,
    serverErrors: 0,
    networkErrors: 0,
    outcomes: {},
    statusCodes: {},
    latencies: [],
    refusals: [],
    stoppedEarly: null,
  };
}

type Attempt = { status: number; outcome?: string; error?: string };

async function attempt(delivery: Delivery, options: SendOptions, stats: SendStats): Promise<Attempt> {
  const started = performance.now();
  stats.attempts++;
  try {
    const response = await fetch(options.url, {
      method: "POST",
      headers: deliveryHeaders(options.auth, delivery.webhookId, delivery.body),
      body: delivery.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    stats.latencies.push(performance.now() - started);
    let parsed: { outcome?: unknown; error?: { code?: unknown; message?: unknown } } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // not JSON: reported by status code only
    }
    const error = parsed.error ? `${String(parsed.error.code)}: ${String(parsed.error.message)}` : undefined;
    return { status: response.status, outcome: typeof parsed.outcome === "string" ? parsed.outcome : undefined, error };
  } catch (error) {
    return { status: 0, error: (error as Error).name === "TimeoutError" ? `no answer within ${options.timeoutMs} ms` : (error as Error).message };
  }
}

/** A counting semaphore: at most `size` holders at once. */
function createSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    async take(): Promise<void> {
      if (free > 0) {
        free--;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    give(): void {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

export async function sendDeliveries(deliveries: readonly Delivery[], options: SendOptions, stats = emptyStats(deliveries.length)): Promise<SendStats> {
  const slots = createSlots(options.concurrency);
  const start = performance.now();
  let unauthorizedInARow = 0;
  const stopped = () => stats.stoppedEarly !== null;

  const deliver = async (delivery: Delivery): Promise<void> => {
    for (let tries = 0; ; tries++) {
      await slots.take();
      const result = await attempt(delivery, options, stats).finally(() => slots.give());
      if (result.status >= 200 && result.status < 300) {
        stats.ok++;
        unauthorizedInARow = 0;
        if (result.outcome) stats.outcomes[result.outcome] = (stats.outcomes[result.outcome] ?? 0) + 1;
        stats.statusCodes[result.status] = (stats.statusCodes[result.status] ?? 0) + 1;
        break;
      }
      if (result.status === 401 && stats.ok === 0 && ++unauthorizedInARow >= options.stopAfterUnauthorized && options.stopAfterUnauthorized > 0) {
        stats.stoppedEarly = `the receiver answered 401 to ${unauthorizedInARow} deliveries in a row (${result.error ?? "unauthorized"})`;
      }
      if (tries >= options.retries || stopped()) {
        if (result.status === 0) stats.networkErrors++;
        else if (result.status < 500) stats.clientErrors++;
        else stats.serverErrors++;
        stats.statusCodes[result.status || "network"] = (stats.statusCodes[result.status || "network"] ?? 0) + 1;
        if (stats.refusals.length < 5) stats.refusals.push(`#${delivery.seq} ${result.status || "network error"}: ${result.error ?? "(no error body)"}`);
        break;
      }
      stats.retries++;
      await sleep(options.backoffMs * 2 ** tries * (0.8 + Math.random() * 0.4)); // jitter spreads a burst of retries
    }
    stats.done++;
  };

  const running: Promise<void>[] = [];
  for (const delivery of deliveries) {
    if (stopped()) break;
    if (options.rate > 0) {
      const due = start + (delivery.seq * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
    } else {
      // As fast as possible: do not queue more than the slots can take.
      await slots.take();
      slots.give();
    }
    running.push(deliver(delivery));
  }
  await Promise.all(running);
  return stats;
}
