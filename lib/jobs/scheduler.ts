// The in-process scheduler (croner), started once per server process from instrumentation.ts
// (never during `next build`), unless CARE_DESK_JOBS=off. Every instance schedules every job;
// the lease row decides which one runs each period (lib/jobs/lease.ts).
import "server-only";
import { Cron } from "croner";
import { env, jobsEnabled } from "../env";
import { log } from "../observability/log";
import { jobs } from "./registry";
import { runJobPeriod } from "./run";
import type { JobDefinition } from "./types";

const holder = globalThis as unknown as { careDeskJobs?: Cron[] };

/** The schedule in force for a job on this instance. */
export const scheduleOf = (job: JobDefinition): string => env.CARE_DESK_JOB_SCHEDULES[job.name] ?? job.schedule;

/**
 * The scheduled time a tick belongs to: the latest occurrence at or just before now. Every
 * instance computes the same one for the same tick, which is what their leases compare.
 */
function periodOf(cron: Cron): Date {
  return cron.previousRuns(1, new Date(Date.now() + 500))[0] ?? new Date();
}

export function startJobs(): void {
  if (holder.careDeskJobs) return;
  if (!jobsEnabled) {
    log.info("background jobs are off on this instance (CARE_DESK_JOBS=off)");
    holder.careDeskJobs = [];
    return;
  }
  for (const name of Object.keys(env.CARE_DESK_JOB_SCHEDULES)) {
    if (!jobs.some((job) => job.name === name)) log.warn({ job: name }, "CARE_DESK_JOB_SCHEDULES names a job that does not exist");
  }
  holder.careDeskJobs = jobs.map((job) => {
    const cron: Cron = new Cron(scheduleOf(job), { name: job.name, timezone: "UTC", protect: true }, async () => {
      try {
        await runJobPeriod(job, periodOf(cron));
      } catch (error) {
        // The lease or the run record could not be written (database away): the next period tries again.
        log.error({ job: job.name, err: error }, "job could not be run");
      }
    });
    return cron;
  });
  log.info({ jobs: jobs.map((job) => `${job.name} (${scheduleOf(job)})`) }, "background jobs scheduled");
}

export function stopJobs(): void {
  for (const cron of holder.careDeskJobs ?? []) cron.stop();
  holder.careDeskJobs = undefined;
}
