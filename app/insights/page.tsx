import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { getInsights, insightsMaxAgeMs, insightsRefreshAfterMs } from "@/lib/data/insights";
import { getTaskInsights } from "@/lib/data/task-insights";
import { taskKindLabels } from "@/lib/schemas/task";
import { parseInsightsQuery } from "@/lib/schemas/insights-query";
import { formatDateTime, formatDuration } from "@/lib/time/format";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { PerDayChart, TopChart } from "@/components/insights-charts";
import { QueryProblem } from "@/components/query-problem";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Insights" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const input = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

function RangeForm({ from, to, timeZone }: { from?: string; to?: string; timeZone: string }) {
  return (
    <form action="/insights" method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label="Date range">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-700">From</span>
        <input type="date" name="from" defaultValue={from} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-700">To (included)</span>
        <input type="date" name="to" defaultValue={to} className={input} />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-800">
        Show
      </button>
      <p className="text-sm text-slate-600">Days in {timeZone}.</p>
    </form>
  );
}

const duration = (micros: number | null) => (micros === null ? "–" : formatDuration(micros / 1000));

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
  if (!parsed.ok) return <QueryProblem title="Insights" issues={parsed.issues} reset={{ href: "/insights", label: "Show the last 30 days" }} />;
  const { query } = parsed;
  const [insights, tasks] = await Promise.all([getInsights(caller, query), getTaskInsights(caller)]);
  const { closed, withRecommendation } = insights.recommendations;
  const share = closed === 0 ? null : Math.round((withRecommendation / closed) * 1000) / 10;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Insights</h1>
      <p className="text-sm text-slate-700" data-testid="insights-range">
        Consultations whose latest status event falls between {query.from} and {query.to} (both included, {query.timeZone}).
      </p>
      <p className="text-sm text-slate-600" data-testid="insights-freshness">
        Figures counted at {formatDateTime(insights.computedAt, query.timeZone)}: recounted every {insightsRefreshAfterMs / 1000} s or so while
        the page is viewed, never more than {insightsMaxAgeMs / 60_000} minutes old.
      </p>
      <RangeForm from={query.from} to={query.to} timeZone={query.timeZone} />
      <Figure title="Consultations per day by status" id="per-day">
        <PerDayChart days={insights.perDay} />
      </Figure>
      <div className="grid gap-4 md:grid-cols-2">
        <Figure title="Time from new to closed" id="close-time">
          <dl className="grid grid-cols-2 gap-2 text-sm" data-testid="close-time">
            <dt className="text-slate-700">Median</dt>
            <dd className="font-semibold" data-testid="close-median">{duration(insights.closeTime.medianMicros)}</dd>
            <dt className="text-slate-700">90th percentile</dt>
            <dd className="font-semibold" data-testid="close-p90">{duration(insights.closeTime.p90Micros)}</dd>
            <dt className="text-slate-700">Closed consultations measured</dt>
            <dd>{insights.closeTime.consultations}</dd>
          </dl>
        </Figure>
        <Figure title="Closed with a recommendation" id="recommendation-share">
          <p className="text-sm" data-testid="recommendation-share">
            {share === null ? "No consultation closed in this range." : `${share} % (${withRecommendation} of ${closed} closed consultations)`}
          </p>
        </Figure>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Figure title="Top 10 diagnoses" id="top-diagnoses">
          <TopChart title="Top 10 diagnoses" items={insights.topDiagnoses} testId="top-diagnoses-table" codeHeader="Code" />
        </Figure>
        <Figure title="Top 10 drugs" id="top-drugs">
          <TopChart title="Top 10 drugs" items={insights.topDrugs} testId="top-drugs-table" />
        </Figure>
      </div>
      <Figure title="Open and overdue tasks by kind" id="tasks-by-kind">
        <p className="text-sm text-slate-700">The worklist now, whatever the range above.</p>
        <table className="w-full max-w-md text-sm" data-testid="tasks-by-kind">
          <caption className="sr-only">Open and overdue tasks by kind</caption>
          <thead>
            <tr className="border-b border-slate-200 text-start">
              <th scope="col" className="py-1 pe-4 text-start font-medium">Kind</th>
              <th scope="col" className="py-1 pe-4 text-end font-medium">Open</th>
              <th scope="col" className="py-1 text-end font-medium">Overdue</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((row) => (
              <tr key={row.kind} className="border-b border-slate-100">
                <th scope="row" className="py-1 pe-4 text-start font-normal">
                  <a href={`/worklist?kind=${row.kind}`} className="text-sky-800 underline">{taskKindLabels[row.kind]}</a>
                </th>
                <td className="py-1 pe-4 text-end tabular-nums" data-testid={`tasks-open-${row.kind}`}>{row.open}</td>
                <td className="py-1 text-end tabular-nums" data-testid={`tasks-overdue-${row.kind}`}>{row.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Figure>
    </div>
  );
}
