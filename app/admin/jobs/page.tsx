// GET /admin/jobs — the background jobs (retention), their schedules and every recent run
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { getJobsOverview, type JobRunRow } from "@/lib/data/job-runs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Background jobs" };

const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");
const duration = (run: JobRunRow) => (run.finishedAt ? `${((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000).toFixed(1)} s` : "running");
const outcomeTone: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  running: "bg-sky-100 text-sky-900",
};

function Outcome({ outcome }: { outcome: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${outcomeTone[outcome] ?? "bg-slate-100 text-slate-800"}`}>{outcome}</span>;
}

export default async function JobsPage() {
  const caller = await requirePagePermission("jobs:read", "/admin/jobs");
  const overview = await getJobsOverview(caller);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Background jobs</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Every instance schedules these jobs; each run happens on exactly one of them (whichever claims it first). Schedules are in UTC.{" "}
        {overview.enabledHere ? null : (
          <strong data-testid="jobs-off">This instance runs none of them (CARE_DESK_JOBS=off); other instances on the same database still do.</strong>
        )}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" aria-label="Jobs">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="px-3 py-2 font-medium">Job</th>
              <th className="px-3 py-2 font-medium">Schedule</th>
              <th className="px-3 py-2 font-medium">Next run</th>
              <th className="px-3 py-2 font-medium">Last run</th>
            </tr>
          </thead>
          <tbody>
            {overview.jobs.map((job) => (
              <tr key={job.name} className="border-t border-slate-100 align-top" data-testid="job-row">
                <td className="px-3 py-2">
                  <div className="font-mono">{job.name}</div>
                  <div className="text-slate-600">{job.description}</div>
                </td>
                <td className="px-3 py-2 font-mono">{job.schedule}</td>
                <td className="px-3 py-2">{when(job.nextRun)}</td>
                <td className="px-3 py-2">
                  {job.lastRun ? (
                    <>
                      <Outcome outcome={job.lastRun.outcome} /> {when(job.lastRun.startedAt)}, {job.lastRun.rowsTouched} rows
                    </>
                  ) : (
                    <span className="text-slate-600">never</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Recent runs
        </h2>
        {overview.recentRuns.length === 0 ? (
          <p className="text-sm text-slate-700" data-testid="no-runs">
            No job has run yet.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" aria-label="Recent runs">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th className="px-3 py-2 font-medium">Job</th>
                  <th className="px-3 py-2 font-medium">Started</th>
                  <th className="px-3 py-2 font-medium">Duration</th>
                  <th className="px-3 py-2 font-medium">Outcome</th>
                  <th className="px-3 py-2 font-medium">Rows touched</th>
                  <th className="px-3 py-2 font-medium">Instance</th>
                  <th className="px-3 py-2 font-medium">Error</th>
                </tr>
              </thead>
              <tbody>
                {overview.recentRuns.map((run) => (
                  <tr key={run.id} className="border-t border-slate-100 align-top" data-testid="run-row">
                    <td className="px-3 py-2 font-mono">{run.job}</td>
                    <td className="px-3 py-2">{when(run.startedAt)}</td>
                    <td className="px-3 py-2">{duration(run)}</td>
                    <td className="px-3 py-2">
                      <Outcome outcome={run.outcome} />
                    </td>
                    <td className="px-3 py-2 tabular-nums">{run.rowsTouched}</td>
                    <td className="px-3 py-2 font-mono text-xs">{run.instance}</td>
                    <td className="px-3 py-2 text-red-900" dir="auto">
                      {run.error ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
