// /insights' charts: plain SVG drawn on the server (no chart script reaches the browser). Each
// chart is an image with an accessible name and a table alternative beside it; series differ by
// pattern as well as shade, and every bar is labelled, so a black-and-white print reads the same.
import { useLocale, useTranslations } from "next-intl";
import type { DayCounts, InsightStatus, TopItem } from "@/lib/data/insights";
import { insightStatuses } from "@/lib/data/insights";

/** Where each legend entry starts: its label's rough width (6 px a character) plus the swatch. */
const legendOffsets = (label: (status: InsightStatus) => string) =>
  insightStatuses.reduce<number[]>((offsets, _status, index) => [...offsets, index === 0 ? 0 : offsets[index - 1]! + label(insightStatuses[index - 1]!).length * 6 + 28], []);

const patternId = (status: InsightStatus) => `insights-${status}`;

/** Fill per status: solid, hatched, dotted, light, cross-hatched. */
function StatusPatterns() {
  return (
    <defs>
      <pattern id={patternId("new")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#1e293b" />
      </pattern>
      <pattern id={patternId("checking_medical_profile")} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#e2e8f0" />
        <rect width="3" height="6" fill="#475569" />
      </pattern>
      <pattern id={patternId("in_progress")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#f1f5f9" />
        <circle cx="3" cy="3" r="1.6" fill="#334155" />
      </pattern>
      <pattern id={patternId("closed")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#94a3b8" />
      </pattern>
      <pattern id={patternId("other")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <path d="M0 0L6 6M6 0L0 6" stroke="#334155" strokeWidth="1" />
      </pattern>
    </defs>
  );
}

/** A round upper bound for an axis: 1, 2, 5, 10, 20, 50, … */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

const shortDay = (day: string) => day.slice(5);

/** Two decimals are finer than a pixel of the 760-wide chart and keep the path short. */
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The stacked bars as one path per status (one outline per day with a count), in
 * insightStatuses' order: a handful of elements however many days the range has, where a
 * rectangle per day and status made the page's largest part (each element costs its render).
 */
function stackedBars(days: DayCounts[], barX: (index: number) => number, barWidth: number, y: (value: number) => number): string[] {
  const paths = insightStatuses.map(() => "");
  days.forEach((day, index) => {
    let base = 0;
    insightStatuses.forEach((status, statusIndex) => {
      const count = day.counts[status];
      if (count === 0) return;
      const top = y(base + count);
      paths[statusIndex] += `M${round(barX(index))} ${round(top)}h${round(barWidth)}v${round(y(base) - top)}h${round(-barWidth)}z`;
      base += count;
    });
  });
  return paths;
}

export function PerDayChart({ days }: { days: DayCounts[] }) {
  const t = useTranslations("insights.chart");
  const statuses = useTranslations("status.labels");
  const number = new Intl.NumberFormat(useLocale());
  const statusLabel = (status: InsightStatus) => statuses(status);
  const offsets = legendOffsets(statusLabel);
  const width = 760;
  const height = 260;
  const margin = { top: 16, right: 12, bottom: 44, left: 44 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const top = niceMax(Math.max(0, ...days.map((day) => day.total)));
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.min(48, Math.max(1, slot * 0.7));
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.ceil(days.length / 12);
  const total = days.reduce((sum, day) => sum + day.total, 0);
  const barX = (index: number) => margin.left + index * slot + (slot - barWidth) / 2;
  const bars = stackedBars(days, barX, barWidth, y);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl" role="img" direction="ltr" aria-label={t("perDayLabel", { from: days[0]?.day ?? "", to: days.at(-1)?.day ?? "", total })}>
        <StatusPatterns />
        {[0, top / 2, top].flatMap((tick) => [
          <line key={`line-${tick}`} x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#cbd5e1" strokeDasharray={tick === 0 ? undefined : "3 3"} />,
          <text key={`tick-${tick}`} x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#334155">
            {number.format(tick)}
          </text>,
        ])}
        {bars.map((d, index) =>
          d === "" ? null : <path key={insightStatuses[index]} d={d} fill={`url(#${patternId(insightStatuses[index]!)})`} stroke="#0f172a" strokeWidth="0.5" />,
        )}
        {days.map((day, index) =>
          index % labelEvery === 0 ? (
            <text key={day.day} x={barX(index) + barWidth / 2} y={height - margin.bottom + 14} textAnchor="middle" fontSize="10" fill="#334155">
              {shortDay(day.day)}
            </text>
          ) : null,
        )}
        <g transform={`translate(${margin.left}, ${height - 14})`}>
          {insightStatuses.map((status, index) => (
            <g key={status} transform={`translate(${offsets[index]}, 0)`}>
              <rect width="10" height="10" y="-9" fill={`url(#${patternId(status)})`} stroke="#0f172a" strokeWidth="0.5" />
              <text x="14" fontSize="11" fill="#0f172a">
                {statusLabel(status)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <details>
        <summary className="cursor-pointer text-sm text-slate-700">{t("perDayTable")}</summary>
        <table className="data-table" data-testid="per-day-table">
          <caption className="sr-only">{t("perDayLabel", { from: days[0]?.day ?? "", to: days.at(-1)?.day ?? "", total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("day")}</th>
              {insightStatuses.map((status) => (
                <th key={status} scope="col">
                  {statusLabel(status)}
                </th>
              ))}
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">
                  <bdi>{day.day}</bdi>
                </th>
                {insightStatuses.map((status) => (
                  <td key={status}>{number.format(day.counts[status])}</td>
                ))}
                <td>{number.format(day.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A horizontal bar per item, its label and count written beside it. */
export function TopChart({ title, items, testId, codeHeader }: { title: string; items: TopItem[]; testId: string; codeHeader?: string }) {
  const t = useTranslations("insights.chart");
  const number = new Intl.NumberFormat(useLocale());
  if (items.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  const row = 24;
  const width = 560;
  const labelWidth = 230;
  const countWidth = 40;
  const height = items.length * row + 8;
  const top = Math.max(...items.map((item) => item.count));
  const barSpace = width - labelWidth - countWidth;
  const barLength = (item: TopItem) => Math.max(2, (item.count / top) * barSpace);
  const clip = (text: string) => (text.length > 34 ? `${text.slice(0, 33)}…` : text);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-xl" role="img" direction="ltr" aria-label={`${title}: ${items.map((item) => `${item.label} ${number.format(item.count)}`).join(", ")}`}>
        <path d={items.map((item, index) => `M${labelWidth} ${4 + index * row + 3}h${round(barLength(item))}v${row - 8}h${-round(barLength(item))}z`).join("")} fill="#64748b" stroke="#0f172a" strokeWidth="0.5" />
        {items.flatMap((item, index) => {
          const key = `${item.code ?? ""}:${item.label}`;
          const baseline = 4 + index * row + 15;
          return [
            <text key={`label-${key}`} x={labelWidth - 8} y={baseline} textAnchor="end" fontSize="12" fill="#0f172a">
              {clip(item.code ? `${item.code} ${item.label}` : item.label)}
            </text>,
            <text key={`count-${key}`} x={labelWidth + round(barLength(item)) + 6} y={baseline} fontSize="12" fill="#0f172a">
              {number.format(item.count)}
            </text>,
          ];
        })}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm text-slate-700">{t("asTable", { title })}</summary>
        <table className="data-table" data-testid={testId}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rank")}</th>
              {codeHeader ? <th scope="col">{codeHeader}</th> : null}
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("consultations")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={`${item.code ?? ""}:${item.label}`}>
                <td>{number.format(index + 1)}</td>
                {codeHeader ? <td dir="auto">{item.code}</td> : null}
                <td dir="auto">{item.label}</td>
                <td>{number.format(item.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
