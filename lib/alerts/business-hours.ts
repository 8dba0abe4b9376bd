// Business hours for the feed-silence rule: "mon-fri 08:00-18:00" in CARE_DESK_TIME_ZONE. Pure
// (no server-only): lib/env.ts parses ALERT_BUSINESS_HOURS with it.

export type BusinessHours = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: ReadonlySet<number>;
  /** Minutes after local midnight: open from `start` (inclusive) to `end` (exclusive). */
  start: number;
  end: number;
  /** The text it was parsed from, for display. */
  text: string;
};

const dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const minutesOf = (text: string): number | null => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
};

/** Parses "mon-fri 08:00-18:00" or "mon,wed,fri 09:00-17:30"; null when it does not read. */
export function parseBusinessHours(text: string): BusinessHours | null {
  const match = /^\s*([a-z,-]+)\s+(\d{1,2}:\d{2})-(\d{1,2}:\d{2})\s*$/i.exec(text);
  if (!match) return null;
  const days = new Set<number>();
  for (const part of match[1]!.toLowerCase().split(",")) {
    const [from, to = from] = part.split("-");
    const first = dayNames.indexOf(from ?? "");
    const last = dayNames.indexOf(to ?? "");
    if (first < 0 || last < 0) return null;
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day + 1);
      if (day === last) break;
    }
  }
  const start = minutesOf(match[2]!);
  const end = minutesOf(match[3]!);
  if (start === null || end === null || end <= start) return null;
  return { days, start, end, text: text.trim() };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdayNumber: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Whether the minute starting at `instant` is inside business hours, on the wall clock of `timeZone`. */
export function isBusinessMinute(instant: Date, hours: BusinessHours, timeZone: string): boolean {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  const day = weekdayNumber[part("weekday")] ?? 0;
  const minute = Number(part("hour")) * 60 + Number(part("minute"));
  return hours.days.has(day) && minute >= hours.start && minute < hours.end;
}

/**
 * Business minutes between `since` and `now`, counted back from `now` and stopping at `limit`
 * (the rule only needs to know whether the threshold is reached, so a month of silence costs no
 * more than the threshold's worth of steps plus the nights and weekends in between).
 */
export function businessMinutesBetween(since: Date, now: Date, hours: BusinessHours, timeZone: string, limit: number): number {
  let counted = 0;
  // At most two weeks back beyond the limit's own length: enough for any sane week.
  const floor = Math.max(since.getTime(), now.getTime() - (limit + 14 * 24 * 60) * 60_000);
  for (let t = now.getTime() - 60_000; t >= floor && counted < limit; t -= 60_000) {
    if (isBusinessMinute(new Date(t), hours, timeZone)) counted++;
  }
  return counted;
}
