// Prometheus metrics (prom-client), one registry per process kept on globalThis: Next.js bundles
// routes, pages and instrumentation separately, and a module-level registry would exist once per
// bundle (GET /api/metrics would then see none of the webhook route's counts). Served by
// GET /api/metrics; the names are listed in docs/operations.md.
import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    deliveries: new Counter({
      name: "care_desk_webhook_deliveries_total",
      help: "Webhook requests answered, by outcome (processed, duplicate, rejected, unauthorized, overloaded, error) and payload type.",
      labelNames: ["outcome", "type"] as const,
      registers,
    }),
    ingestSeconds: new Histogram({
      name: "care_desk_webhook_ingest_seconds",
      help: "Seconds from a delivery's receipt to the commit of its rows.",
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    batchSize: new Histogram({
      name: "care_desk_ingest_batch_size",
      help: "Deliveries committed together in one group-commit transaction.",
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers,
    }),
    signIns: new Counter({
      name: "care_desk_sign_in_total",
      help: "Sign-in attempts by outcome: success, second_factor (password right, code asked), failed, limited.",
      labelNames: ["outcome"] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: "care_desk_job_runs_total",
      help: "Background job runs on this instance, by job and outcome (succeeded, failed).",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    /** Receipt time (ms) of the latest delivery this process stored as processed; null until one (or a first scrape's look-up). */
    lastProcessedAt: null as number | null,
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const holder = globalThis as unknown as { careDeskMetrics?: Metrics };

export const metrics: Metrics = (holder.careDeskMetrics ??= createMetrics());

/** Webhook payload types used as a label: anything else is "other", so a sender cannot create series. */
const knownTypes = new Set(["status_update", "recommendation_data"]);
export const typeLabel = (type: string | null | undefined) => (type == null ? "unknown" : knownTypes.has(type) ? type : "other");

export type GaugeSample = { labels?: Record<string, string>; value: number };

/**
 * Adds a gauge whose value is read at each scrape (from memory or the database): one call per
 * gauge, wherever its data lives. `read` answers one number, a list of labelled samples, or
 * null for "no value yet". Adding a name twice keeps the first.
 */
export function addCollectedGauge(options: { name: string; help: string; labelNames?: string[]; read: () => Promise<number | GaugeSample[] | null> }): void {
  if (metrics.registry.getSingleMetric(options.name)) return;
  new Gauge({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames ?? [],
    registers: [metrics.registry],
    async collect() {
      const value = await options.read();
      this.reset();
      if (value === null) return;
      if (typeof value === "number") this.set(value);
      else for (const sample of value) this.set(sample.labels ?? {}, sample.value);
    },
  });
}
