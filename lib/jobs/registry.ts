// Every background job, declared once. Adding one is one entry: a name, a sentence, a default
// schedule (croner, UTC; CARE_DESK_JOB_SCHEDULES overrides it per instance) and run(context),
// which reports progress and answers the rows it touched. The scheduler runs each period on
// exactly one instance (lib/jobs/lease.ts) and records it.
import "server-only";
import { retentionDays } from "../env";
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
];

export const findJob = (name: string): JobDefinition | undefined => jobs.find((job) => job.name === name);
