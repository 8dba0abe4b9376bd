// The /insights range: two calendar days (YYYY-MM-DD) read in the viewer's zone, `to` included.
// Without either, the last 30 days up to today in that zone.
import { z } from "zod";
import { resolveTimeZone, startOfDayInZone } from "../time/format";
import { parseQueryWith, type ParsedQuery, type SearchParamsInput, single } from "./query-params";

/** A year of days at most: the per-day chart has one group per day. */
export const maxInsightDays = 366;
export const defaultInsightDays = 30;

const day = /^\d{4}-\d{2}-\d{2}$/;
const calendarDay = z
  .string()
  .trim()
  .refine((text) => {
    if (!day.test(text)) return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, { error: "must be a calendar date (YYYY-MM-DD)" });

const schema = z.strictObject({ from: single(calendarDay), to: single(calendarDay) }, { error: "is not a parameter of this page" });

export type InsightsQuery = {
  /** First and last day of the range, both included. */
  from: string;
  to: string;
  timeZone: string;
  /** [start of `from`, start of the day after `to`) in UTC microseconds. */
  fromMicros: bigint;
  toMicros: bigint;
  /** The UTC instant each day of the range starts, in order. */
  days: { day: string; startMicros: bigint }[];
};

const addDays = (text: string, days: number) => {
  const [year, month, date] = text.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
};
const micros = (date: Date) => BigInt(date.getTime()) * 1000n;

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function parseInsightsQuery(input: SearchParamsInput, viewerTimeZone: string, now = new Date()): ParsedQuery<InsightsQuery> {
  const parsed = parseQueryWith(schema, input);
  if (!parsed.ok) return parsed;
  const timeZone = resolveTimeZone(viewerTimeZone);
  const to = parsed.query.to ?? (parsed.query.from ? addDays(parsed.query.from, defaultInsightDays - 1) : todayIn(timeZone, now));
  const from = parsed.query.from ?? addDays(to, -(defaultInsightDays - 1));
  if (from > to) return { ok: false, issues: [{ path: "from", message: "must be on or before the last day (to)" }] };
  const days: { day: string; startMicros: bigint }[] = [];
  for (let current = from; current <= to; current = addDays(current, 1)) {
    if (days.length === maxInsightDays) return { ok: false, issues: [{ path: "to", message: `must be at most ${maxInsightDays} days after the first day` }] };
    days.push({ day: current, startMicros: micros(startOfDayInZone(current, timeZone)) });
  }
  return {
    ok: true,
    query: { from, to, timeZone, fromMicros: days[0]!.startMicros, toMicros: micros(startOfDayInZone(addDays(to, 1), timeZone)), days },
  };
}
