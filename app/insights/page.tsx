import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { getInsights, insightsMaxAgeMs, insightsRefreshAfterMs } from "@/lib/data/insights";
import { getCachedTaskInsights } from "@/lib/data/task-insights";
import { parseInsightsQuery } from "@/lib/schemas/insights-query";
import { durationText } from "@/lib/i18n/duration";
import { formatDateTime } from "@/lib/time/format";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { PerDayChart, TopChart } from "@/components/insights-charts";
import { QueryProblem } from "@/components/query-problem";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const input = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

function RangeForm({ from, to, timeZone }: { from?: string; to?: string; timeZone: string }) {
  const t = useTranslations("insights");
  return (
    <form action="/insights" method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t("range")}>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-700">{t("from")}</span>
        <input type="date" name="from" defaultValue={from} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-700">{t("to")}</span>
        <input type="date" name="to" defaultValue={to} className={input} />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-800">
        {t("show")}
      </button>
      <p className="text-sm text-slate-600">{t.rich("daysIn", { zone: () => <bdi>{timeZone}</bdi> })}</p>
    </form>
  );
}

function Figure({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2 break-inside-avoid rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Figures over a date range: consultations per day, time to close, recommendation share, top diagnoses and drugs; and the worklist's open and overdue tasks by kind. */
export default async function InsightsPage({ searchParams }: Props) {
  const caller = await requirePagePermission("consultations:read", "/insights");
  const [params, timeZone] = await Promise.all([searchParams, getViewerTimeZone()]);
  const parsed = parseInsightsQuery(params, timeZone);
  const [t, durations, locale] = await Promise.all([getTranslations("insights"), getTranslations("duration"), getLocale()]);
  const duration = (micros: number | null) => (micros === null ? "–" : durationText(durations, micros / 1000));
  const number = new Intl.NumberFormat(locale);
  if (!parsed.ok) return <QueryProblem title={t("title")} issues={parsed.issues} reset={{ href: "/insights", label: t("showLast30") }} />;
  const { query } = parsed;
  const [insights, { kinds: tasks, computedAt: tasksComputedAt }] = await Promise.all([getInsights(caller, query), getCachedTaskInsights(caller)]);
  // The page's figures are as old as the older of the two counts.
  const computedAt = insights.computedAt < tasksComputedAt ? insights.computedAt : tasksComputedAt;
  const { closed, withRecommendation } = insights.recommendations;
  const share = closed === 0 ? null : Math.round((withRecommendation / closed) * 1000) / 10;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700" data-testid="insights-range">
        {t.rich("rangeText", { from: () => <bdi>{query.from}</bdi>, to: () => <bdi>{query.to}</bdi>, zone: () => <bdi>{query.timeZone}</bdi> })}
      </p>
      <p className="text-sm text-slate-600" data-testid="insights-freshness">
        {t("freshness", { time: formatDateTime(computedAt, query.timeZone, locale), seconds: insightsRefreshAfterMs / 1000, minutes: insightsMaxAgeMs / 60_000 })}
      </p>
      <RangeForm from={query.from} to={query.to} timeZone={query.timeZone} />
      <Figure title={t("perDay")} id="per-day">
        <PerDayChart days={insights.perDay} />
      </Figure>
      <div className="grid gap-4 md:grid-cols-2">
        <Figure title={t("closeTime")} id="close-time">
          <dl className="grid grid-cols-2 gap-2 text-sm" data-testid="close-time">
            <dt className="text-slate-700">{t("median")}</dt>
            <dd className="font-semibold" data-testid="close-median">{duration(insights.closeTime.medianMicros)}</dd>
            <dt className="text-slate-700">{t("p90")}</dt>
            <dd className="font-semibold" data-testid="close-p90">{duration(insights.closeTime.p90Micros)}</dd>
            <dt className="text-slate-700">{t("measured")}</dt>
            <dd>{number.format(insights.closeTime.consultations)}</dd>
          </dl>
        </Figure>
        <Figure title={t("share")} id="recommendation-share">
          <p className="text-sm" data-testid="recommendation-share">
            {share === null ? t("noneClosed") : t("shareText", { share, with: withRecommendation, closed })}
          </p>
        </Figure>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Figure title={t("topDiagnoses")} id="top-diagnoses">
          <TopChart title={t("topDiagnoses")} items={insights.topDiagnoses} testId="top-diagnoses-table" codeHeader={t("code")} />
        </Figure>
        <Figure title={t("topDrugs")} id="top-drugs">
          <TopChart title={t("topDrugs")} items={insights.topDrugs} testId="top-drugs-table" />
        </Figure>
      </div>
      <Figure title={t("tasks")} id="tasks-by-kind">
        <p className="text-sm text-slate-700">{t("tasksNow")}</p>
        <table className="w-full max-w-md text-sm" data-testid="tasks-by-kind">
          <caption className="sr-only">{t("tasks")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-start">
              <th scope="col" className="py-1 pe-4 text-start font-medium">{t("kind")}</th>
              <th scope="col" className="py-1 pe-4 text-end font-medium">{t("open")}</th>
              <th scope="col" className="py-1 text-end font-medium">{t("overdue")}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((row) => (
              <tr key={row.kind} className="border-b border-slate-100">
                <th scope="row" className="py-1 pe-4 text-start font-normal">
                  <a href={`/worklist?kind=${row.kind}`} className="text-sky-800 underline">{t(`kinds.${row.kind}`)}</a>
                </th>
                <td className="py-1 pe-4 text-end tabular-nums" data-testid={`tasks-open-${row.kind}`}>{number.format(row.open)}</td>
                <td className="py-1 text-end tabular-nums" data-testid={`tasks-overdue-${row.kind}`}>{number.format(row.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Figure>
    </div>
  );
}
