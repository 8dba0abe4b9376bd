// GET /admin/jobs — the background jobs (retention), their schedules and every recent run
import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { getJobsOverview, type JobRunRow, type JobSummary } from "@/lib/data/job-runs";
import { env, retentionDays } from "@/lib/env";
import { formatDateTime } from "@/lib/time/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminJobs"))("title") };
}

const outcomeTone: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  running: "bg-sky-100 text-sky-900",
};
const outcomes = ["succeeded", "failed", "running"] as const;
const head = "px-3 py-2 text-start font-medium";

/** The retention jobs' days, by job (lib/jobs/registry.ts words the same in English for the logs). */
const retentionOf: Record<string, number> = {
  "retention-delivery-bodies": retentionDays.processedBodies,
  "retention-refused-deliveries": retentionDays.refused,
  "retention-unauthenticated": retentionDays.unauthenticated,
};

function Outcome({ outcome }: { outcome: string }) {
  const t = useTranslations("adminJobs");
  const known = outcomes.find((name) => name === outcome);
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${outcomeTone[outcome] ?? "bg-slate-100 text-slate-800"}`}>{known ? t(`outcomes.${known}`) : <bdi>{outcome}</bdi>}</span>;
}

function JobDescription({ job }: { job: JobSummary }) {
  const t = useTranslations("adminJobs.descriptions");
  if (job.name in retentionOf) {
    const what = t(job.name as "retention-refused-deliveries");
    const days = retentionOf[job.name]!;
    return <>{days === 0 ? t("forever", { what }) : t("after", { what, days })}</>;
  }
  if (job.name === "audit-retention") return <>{t("audit-retention", { days: env.CARE_DESK_AUDIT_RETENTION_DAYS })}</>;
  return <>{t.has(job.name as "audit-verify") ? t(job.name as "audit-verify") : job.description}</>;
}

export default async function JobsPage() {
  const caller = await requirePagePermission("jobs:read", "/admin/jobs");
  const [overview, t, locale] = await Promise.all([getJobsOverview(caller), getTranslations("adminJobs"), getLocale()]);
  const time = await getTranslations("time");
  const when = (date: Date | null) => (date ? time("utc", { time: formatDateTime(date, "UTC", locale) }) : "—");
  const duration = (run: JobRunRow) =>
    run.finishedAt ? t("seconds", { seconds: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000) }) : t("running");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        {t("intro")}{" "}
        {overview.enabledHere ? null : <strong data-testid="jobs-off">{t("off")}</strong>}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" aria-label={t("jobs")}>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th className={head}>{t("columns.job")}</th>
              <th className={head}>{t("columns.schedule")}</th>
              <th className={head}>{t("columns.nextRun")}</th>
              <th className={head}>{t("columns.lastRun")}</th>
            </tr>
          </thead>
          <tbody>
            {overview.jobs.map((job) => (
              <tr key={job.name} className="border-t border-slate-100 align-top" data-testid="job-row">
                <td className="px-3 py-2">
                  <div className="font-mono" dir="ltr">
                    {job.name}
                  </div>
                  <div className="text-slate-600">
                    <JobDescription job={job} />
                  </div>
                </td>
                <td className="px-3 py-2 font-mono" dir="ltr">
                  {job.schedule}
                </td>
                <td className="px-3 py-2">{when(job.nextRun)}</td>
                <td className="px-3 py-2">
                  {job.lastRun ? (
                    <>
                      <Outcome outcome={job.lastRun.outcome} /> {t("lastRunText", { when: when(job.lastRun.startedAt), rows: job.lastRun.rowsTouched })}
                    </>
                  ) : (
                    <span className="text-slate-600">{t("never")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="text-lg font-semibold">
          {t("recentRuns")}
        </h2>
        {overview.recentRuns.length === 0 ? (
          <p className="text-sm text-slate-700" data-testid="no-runs">
            {t("noRuns")}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" aria-label={t("recentRuns")}>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th className={head}>{t("columns.job")}</th>
                  <th className={head}>{t("columns.started")}</th>
                  <th className={head}>{t("columns.duration")}</th>
                  <th className={head}>{t("columns.outcome")}</th>
                  <th className={head}>{t("columns.rowsTouched")}</th>
                  <th className={head}>{t("columns.instance")}</th>
                  <th className={head}>{t("columns.error")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.recentRuns.map((run) => (
                  <tr key={run.id} className="border-t border-slate-100 align-top" data-testid="run-row">
                    <td className="px-3 py-2 font-mono" dir="ltr">
                      {run.job}
                    </td>
                    <td className="px-3 py-2">{when(run.startedAt)}</td>
                    <td className="px-3 py-2">{duration(run)}</td>
                    <td className="px-3 py-2">
                      <Outcome outcome={run.outcome} />
                    </td>
                    <td className="px-3 py-2 tabular-nums">{new Intl.NumberFormat(locale).format(run.rowsTouched)}</td>
                    <td className="px-3 py-2 font-mono text-xs" dir="ltr">
                      {run.instance}
                    </td>
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
