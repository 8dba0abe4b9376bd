// What a background job is: declared once in lib/jobs/registry.ts, run by lib/jobs/run.ts.
export type JobContext = {
  /** The scheduled time of the period being run. */
  periodStart: Date;
  /** This instance (host:pid:random). */
  instance: string;
  /**
   * Reports rows just touched (after each committed batch): counted even if the job fails later,
   * and it renews this instance's lease, so a long job is not taken over while it works.
   */
  progress(rows: number): Promise<void>;
};

export type JobResult = { rowsTouched: number };

export type JobDefinition = {
  /** Unique, kebab-case: the lease row's key, the metric's label, the name in CARE_DESK_JOB_SCHEDULES. */
  name: string;
  /** One sentence for /admin/jobs. */
  description: string;
  /** Default schedule (croner syntax, UTC); CARE_DESK_JOB_SCHEDULES may override it. */
  schedule: string;
  run(context: JobContext): Promise<JobResult>;
};
