// Every background job, declared once. Adding one is one entry: a name, a sentence, a default
// schedule (croner, UTC; CARE_DESK_JOB_SCHEDULES overrides it per instance) and run(context),
// which reports progress and answers the rows it touched. The scheduler runs each period on
// exactly one instance (lib/jobs/lease.ts) and records it.
import "server-only";
import { deliverAlertNotifications } from "../alerts/notify";
import { evaluateAlerts } from "../alerts/evaluate";
import { purgeExpiredAuditEvents } from "../audit/retention";
import { verifyAuditChain } from "../audit/verify";
import { env, retentionDays } from "../env";
import { applyRetention, type RetentionKind } from "./retention";
import type { JobDefinition } from "./types";

const retentionJob = (name: string, kind: RetentionKind, what: string, schedule: string): JobDefinition => ({
  name,
  description: retentionDays[kind] === 0 ? `${what}: kept forever (retention set to 0).` : `${what} after ${retentionDays[kind]} days.`,
  schedule,
  run: async (context) => ({ rowsTouched: await applyRetention(kind, { onBatch: context.progress }) }),
});

export const jobs: readonly JobDefinition[] = [
  retentionJob("retention-delivery-bodies", "processedBodies", "Removes the raw body of processed and duplicate deliveries (the consultation data stays)", "10 3 * * *"),
  retentionJob("retention-refused-deliveries", "refused", "Deletes authenticated deliveries that were refused (400, 413, …)", "20 3 * * *"),
  retentionJob("retention-unauthenticated", "unauthenticated", "Deletes the sampled records of unauthenticated requests", "30 3 * * *"),
  {
    name: "alerts-evaluate",
    description: "Evaluates every alert rule: fires an alert once when its condition holds, resolves it once when it clears.",
    schedule: "* * * * *",
    run: async () => {
      const report = await evaluateAlerts(new Date());
      return { rowsTouched: report.fired.length + report.resolved.length };
    },
  },
  {
    name: "alert-notifications",
    description: "Sends firing and resolved alerts to CARE_DESK_ALERT_WEBHOOK_URL, retrying failed ones with backoff.",
    schedule: "30 * * * * *",
    run: async () => {
      const report = await deliverAlertNotifications();
      return { rowsTouched: report.sent + report.failed };
    },
  },
  {
    name: "audit-verify",
    description: "Walks the whole audit chain and records the result shown on /audit; a broken chain fails the run.",
    schedule: "40 3 * * *",
    run: async () => {
      const result = await verifyAuditChain("job");
      if (result.outcome === "broken") throw new Error(`the audit chain is broken: ${result.message}`);
      return { rowsTouched: 0 };
    },
  },
  {
    name: "audit-retention",
    description: `Deletes audit events older than ${env.CARE_DESK_AUDIT_RETENTION_DAYS} days from the start of the chain, moving its anchor.`,
    schedule: "50 3 * * *",
    run: async (context) => ({ rowsTouched: (await purgeExpiredAuditEvents(context.periodStart)).purged }),
  },
];

export const findJob = (name: string): JobDefinition | undefined => jobs.find((job) => job.name === name);
