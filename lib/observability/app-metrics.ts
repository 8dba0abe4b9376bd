// The gauges read at scrape time, each added with one addCollectedGauge call (a new one is one
// more entry here). Imported by GET /api/metrics.
import "server-only";
import { countFiringAlerts } from "../alerts/evaluate";
import { readDb } from "../db";
import { cachedStatusCounts } from "../data/status-counts";
import { documentedStatuses } from "../statuses";
import { ingestQueueDepth } from "../webhooks/ingest";
import { addCollectedGauge, metrics } from "./metrics";

/** The latest processed delivery's receipt time: this process's own, or the database's at the first scrape after a start. */
async function lastProcessedSeconds(): Promise<number | null> {
  if (metrics.lastProcessedAt === null) {
    const db = await readDb();
    const latest = await db.webhookDelivery.findFirst({ where: { outcome: "processed" }, orderBy: { id: "desc" }, select: { receivedAt: true } });
    if (latest && metrics.lastProcessedAt === null) metrics.lastProcessedAt = latest.receivedAt.getTime();
  }
  return metrics.lastProcessedAt === null ? null : metrics.lastProcessedAt / 1000;
}

export function registerAppGauges(): void {
  addCollectedGauge({
    name: "care_desk_ingest_queue_depth",
    help: "Deliveries waiting for (or in) a group commit in this process.",
    read: async () => ingestQueueDepth(),
  });
  addCollectedGauge({
    name: "care_desk_last_processed_delivery_timestamp_seconds",
    help: "Unix time at which the latest processed delivery was received (absent before the first).",
    read: lastProcessedSeconds,
  });
  addCollectedGauge({
    name: "care_desk_alerts_firing",
    help: "Alerts firing now (shared by every instance: they live in the database).",
    read: countFiringAlerts,
  });
  addCollectedGauge({
    name: "care_desk_consultations",
    help: "Consultations by current status (other: statuses Altibbi does not document), from the cached counts (at most ~30 s old).",
    labelNames: ["status"],
    read: async () => {
      const counts = await cachedStatusCounts();
      return [...documentedStatuses, "other" as const].map((status) => ({ labels: { status }, value: counts[status] }));
    },
  });
}
