// Runs one period of a job on the instance that wins its lease, and records the run (JobRun:
// start, end, outcome, rows touched, error) for /admin/jobs, a log line and a metric.
import "server-only";
import { writeBatch } from "../db";
import { instanceId } from "../observability/instance";
import { log } from "../observability/log";
import { metrics } from "../observability/metrics";
import { claimLease, finishLease, renewLease } from "./lease";
import type { JobDefinition } from "./types";

export type RunRecord = { runId: number; outcome: "succeeded" | "failed"; rowsTouched: number; error: string | null };

const insertRunSql = `
  INSERT INTO "JobRun" ("job", "instance", "periodStart", "startedAt", "outcome", "rowsTouched")
  VALUES (?, ?, ?, ?, 'running', 0) RETURNING "id"`;
const finishRunSql = `UPDATE "JobRun" SET "finishedAt" = ?, "outcome" = ?, "rowsTouched" = ?, "error" = ? WHERE "id" = ?`;

/** An error's message for the run's record: one line, bounded, no stack. */
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 1000);

/**
 * Runs `job` for the period starting at `periodStart` if this instance claims it; null when
 * another instance holds (or has run) that period.
 */
export async function runJobPeriod(job: JobDefinition, periodStart: Date, instance = instanceId): Promise<RunRecord | null> {
  if (!(await claimLease(job.name, periodStart, instance))) return null;
  const started = new Date();
  const row = await writeBatch((session) => session.get<{ id: number | bigint }>(insertRunSql, [job.name, instance, periodStart, started]));
  const runId = Number(row!.id);
  let rowsTouched = 0;
  let outcome: RunRecord["outcome"] = "succeeded";
  let error: string | null = null;
  try {
    const result = await job.run({
      periodStart,
      instance,
      progress: async (rows) => {
        rowsTouched += rows;
        await renewLease(job.name, periodStart, instance);
      },
    });
    rowsTouched = Math.max(rowsTouched, result.rowsTouched);
  } catch (failure) {
    outcome = "failed";
    error = describe(failure);
    log.error({ job: job.name, periodStart: periodStart.toISOString(), err: failure }, "job failed");
  }
  const finished = new Date();
  await writeBatch((session) => session.run(finishRunSql, [finished, outcome, rowsTouched, error, runId]));
  await finishLease(job.name, periodStart, instance, finished);
  metrics.jobRuns.inc({ job: job.name, outcome });
  log.info(
    { job: job.name, periodStart: periodStart.toISOString(), outcome, rowsTouched, durationMs: finished.getTime() - started.getTime() },
    "job run",
  );
  return { runId, outcome, rowsTouched, error };
}
