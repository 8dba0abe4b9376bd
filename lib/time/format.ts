// Times for people: in the viewer's time zone (an IANA name the browser reports, see
// components/time-zone-sync.tsx), with the offset spelt out, plus durations and relative times.
// Built on Intl only (Node's full ICU): no date library to ship or keep up to date.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** The IANA zone when the runtime knows it, otherwise UTC (never throws on a hostile cookie or URL). */
export function resolveTimeZone(value: string | null | undefined): string {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * "15 Jun 2023, 12:38:50" in `timeZone`; `locale` an Intl tag from lib/i18n/locales.ts
 * (intlLocaleOf: the language and its digits, e.g. "ar-u-nu-arab" → "١٥ يونيو ٢٠٢٣، ١٢:٣٨:٥٠").
 */
export function formatDateTime(date: Date, timeZone: string, locale = "en-GB"): string {
  return formatter(`dt|${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      day: "2-digit",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }),
  ).format(date);
}

const offsetSeconds = (date: Date, timeZone: string): number => {
  const parts = formatter(`off|${timeZone}`, () =>
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "longOffset" }),
  ).formatToParts(date);
  // "GMT+03:00", "GMT-05:00", "GMT+05:30", "GMT+02:23:44" (local mean time before 1930s);
  // "GMT" or "GMT+00:00" for UTC, depending on the ICU version.
  const text = parts.find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /^GMT(?:([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!match || !match[1]) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0));
};

// Offsets only change on quarter hours: remember them per zone and quarter hour (formatToParts
// is the slowest Intl call a list page makes, once per row).
const offsetCache = new Map<string, number>();
const quarterHourMs = 15 * 60_000;

function cachedOffsetSeconds(date: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(date.getTime() / quarterHourMs)}`;
  let seconds = offsetCache.get(key);
  if (seconds === undefined) {
    if (offsetCache.size > 10_000) offsetCache.clear();
    seconds = offsetSeconds(date, timeZone);
    offsetCache.set(key, seconds);
  }
  return seconds;
}

/** "UTC+03:00", "UTC-05:00" (or "UTC"): the zone's offset at that instant. */
export function formatOffset(date: Date, timeZone: string): string {
  return offsetText(cachedOffsetSeconds(date, timeZone));
}

function offsetText(seconds: number): string {
  if (seconds === 0) return "UTC";
  const abs = Math.abs(seconds);
  const pad = (value: number) => String(value).padStart(2, "0");
  const rest = abs % 60 === 0 ? "" : `:${pad(abs % 60)}`;
  return `UTC${seconds < 0 ? "-" : "+"}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${rest}`;
}

/** "2023-06-15T15:38:50.848+03:00": ISO 8601 in `timeZone` with that instant's offset (for files, not people). */
export function formatIsoInZone(date: Date, timeZone: string): string {
  const seconds = cachedOffsetSeconds(date, timeZone);
  if (seconds === 0) return date.toISOString();
  // The wall-clock time is the instant shifted by the offset, written as if it were UTC. A local
  // mean time offset (before the 1930s) keeps its seconds, "+05:21:10", so the time stays exact.
  const wallClock = new Date(date.getTime() + seconds * 1000).toISOString().slice(0, 23);
  return `${wallClock}${offsetText(seconds).slice(3)}`;
}

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`. */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, date);
  // The offset at the guessed instant may differ from the one at midnight (a DST change that
  // day): one correction settles it.
  const first = wallClock - offsetSeconds(new Date(wallClock), timeZone) * 1000;
  return new Date(wallClock - offsetSeconds(new Date(first), timeZone) * 1000);
}

const units: [Intl.RelativeTimeFormatUnit, number, string][] = [
  ["day", 86_400_000, "d"],
  ["hour", 3_600_000, "h"],
  ["minute", 60_000, "min"],
  ["second", 1_000, "s"],
];

export type DurationUnit = "day" | "hour" | "minute" | "second";
export type DurationPart = { unit: DurationUnit; count: number };

/**
 * The two largest units of a duration (2 d 4 h, 3 h 5 min, 12 min, 40 s); an empty list under one
 * second. Each language words them (components/duration.tsx, with its plural rules).
 */
export function durationParts(ms: number): DurationPart[] {
  if (!Number.isFinite(ms) || ms < 1000) return [];
  const parts: DurationPart[] = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 || parts.length > 0) {
      if (count > 0) parts.push({ unit: unit as DurationUnit, count });
      rest -= count * size;
      if (parts.length === 2 || (parts.length === 1 && count === 0)) break;
    }
  }
  return parts.slice(0, 2);
}

/** "2 d 4 h", "3 h 5 min", "12 min", "40 s" in English (pages in other languages use components/duration.tsx). */
export function formatDuration(ms: number): string {
  const parts = durationParts(ms);
  if (parts.length === 0) return "< 1 s";
  return parts.map(({ unit, count }) => `${count} ${units.find(([name]) => name === unit)![2]}`).join(" ");
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "5 minutes ago", "yesterday", "in 2 hours" (`locale` as for formatDateTime: "قبل ٥ دقائق"). */
export function formatRelative(date: Date, now: Date, locale = "en"): string {
  let relative = relativeFormats.get(locale);
  if (!relative) {
    relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    relativeFormats.set(locale, relative);
  }
  const diff = date.getTime() - now.getTime();
  for (const [unit, size] of units) {
    if (Math.abs(diff) >= size || unit === "second") return relative.format(Math.round(diff / size), unit);
  }
  return relative.format(0, "second");
}
