// The job runner on both databases: a period runs on exactly one of several instances racing for
// it, every run is recorded (start, end, outcome, rows touched, error), a failure is recorded and
// frees the next period, and a holder that died mid-run is taken over once its lease lapses.
import { describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { claimLease, leaseMs } from "@/lib/jobs/lease";
import { runJobPeriod } from "@/lib/jobs/run";
import type { JobDefinition } from "@/lib/jobs/types";
import { uniqueId } from "../support/payloads";

/** A job of this test only, counting its own runs. */
function testJob(run: JobDefinition["run"] = async () => ({ rowsTouched: 3 })) {
  const calls: Date[] = [];
  const job: JobDefinition = {
    name: `test-job-${uniqueId()}`,
    description: "a job of this test",
    schedule: "* * * * *",
    run: async (context) => {
      calls.push(context.periodStart);
      return run(context);
    },
  };
  return { job, calls };
}

const minute = (n: number) => new Date(Date.UTC(2030, 0, 1, 0, n));

describe("running a job's period", () => {
  it("runs it on exactly one of five instances that race for it, and records the run", async () => {
    const { job, calls } = testJob();
    const results = await Promise.all(["a", "b", "c", "d", "e"].map((instance) => runJobPeriod(job, minute(0), `instance-${instance}`)));
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(calls).toEqual([minute(0)]);

    const runs = await (await readDb()).jobRun.findMany({ where: { job: job.name } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ outcome: "succeeded", rowsTouched: 3, error: null, periodStart: minute(0) });
    expect(runs[0]!.instance).toMatch(/^instance-[a-e]$/);
    expect(runs[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(runs[0]!.startedAt.getTime());
  });

  it("never runs a period twice, and runs each later period once", async () => {
    const { job, calls } = testJob();
    expect(await runJobPeriod(job, minute(0), "one")).not.toBeNull();
    expect(await runJobPeriod(job, minute(0), "one")).toBeNull();
    expect(await runJobPeriod(job, minute(0), "two")).toBeNull();
    const next = await Promise.all([runJobPeriod(job, minute(1), "one"), runJobPeriod(job, minute(1), "two")]);
    expect(next.filter((result) => result !== null)).toHaveLength(1);
    // A tick that comes late for an earlier period (a slow instance) does not run it again.
    expect(await runJobPeriod(job, minute(0), "three")).toBeNull();
    expect(calls).toEqual([minute(0), minute(1)]);
  });

  it("records a failure with its message and rows touched so far, and the next period runs", async () => {
    const { job } = testJob(async (context) => {
      await context.progress(2);
      throw new Error("the disk is full\n  at somewhere");
    });
    expect(await runJobPeriod(job, minute(0), "one")).toMatchObject({ outcome: "failed", rowsTouched: 2, error: "the disk is full at somewhere" });
    const run = await (await readDb()).jobRun.findFirstOrThrow({ where: { job: job.name } });
    expect(run).toMatchObject({ outcome: "failed", rowsTouched: 2, error: "the disk is full at somewhere" });
    expect(run.finishedAt).not.toBeNull();
    expect(await runJobPeriod(job, minute(1), "two")).toMatchObject({ outcome: "failed" });
  });

  it("lets another instance take over a period whose holder stopped without finishing, once the lease has lapsed", async () => {
    const { job, calls } = testJob();
    const longAgo = new Date(Date.now() - leaseMs - 60_000);
    // An instance claimed minute 5 long ago and died before finishing it.
    expect(await claimLease(job.name, minute(5), "crashed", longAgo)).toBe(true);
    expect(await runJobPeriod(job, minute(5), "survivor")).toMatchObject({ outcome: "succeeded" });
    expect(await runJobPeriod(job, minute(5), "another")).toBeNull();
    // A fresh claim that has not lapsed is respected.
    expect(await claimLease(job.name, minute(6), "busy")).toBe(true);
    expect(await runJobPeriod(job, minute(6), "survivor")).toBeNull();
    expect(calls).toEqual([minute(5)]);
  });
});
