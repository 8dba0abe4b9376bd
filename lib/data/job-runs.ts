// The background jobs and their recent runs, for /admin/jobs.
import "server-only";
import { Cron } from "croner";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb } from "../db";
import { env, jobsEnabled } from "../env";
import { jobs } from "../jobs/registry";

export type JobRunRow = {
  id: number;
  job: string;
  instance: string;
  periodStart: Date;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string;
  rowsTouched: number;
  error: string | null;
};

export type JobSummary = { name: string; description: string; schedule: string; nextRun: Date | null; lastRun: JobRunRow | null };

export type JobsOverview = { enabledHere: boolean; jobs: JobSummary[]; recentRuns: JobRunRow[] };

const recentRunCount = 100;

export async function getJobsOverview(caller: Caller, now = new Date()): Promise<JobsOverview> {
  assertPermission(caller, "jobs:read");
  const db = await readDb();
  const recentRuns = await db.jobRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: recentRunCount });
  const summaries = await Promise.all(
    jobs.map(async (job) => {
      const schedule = env.CARE_DESK_JOB_SCHEDULES[job.name] ?? job.schedule;
      const cron = new Cron(schedule, { paused: true, timezone: "UTC" });
      const nextRun = cron.nextRun(now);
      cron.stop();
      const lastRun = recentRuns.find((run) => run.job === job.name) ?? (await db.jobRun.findFirst({ where: { job: job.name }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] }));
      return { name: job.name, description: job.description, schedule, nextRun, lastRun };
    }),
  );
  return { enabledHere: jobsEnabled, jobs: summaries, recentRuns };
}
