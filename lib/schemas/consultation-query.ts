// The consultation list's query (filters, search, sort, keyset cursor), as it appears in the URL
// of /consultations and of GET /api/consultations: one parser for both, so they cannot drift.
import { z } from "zod";
import { statusFilters, type StatusFilter } from "../statuses";
import { decodeCursor, encodeCursor, type KeysetCursor } from "../keyset-cursor";
import { parseEventTime } from "../time/event-time";
import { resolveTimeZone, startOfDayInZone } from "../time/format";
import { parseQueryWith, single, type ParsedQuery, type SearchParamsInput } from "./query-params";

export const listSorts = ["last_event", "status_time"] as const;
export type ListSort = (typeof listSorts)[number];

/** 25 rows fill a screen; more cost server time on every render and live refresh (?limit= up to 200). */
export const defaultListLimit = 25;
export const maxListLimit = 200;
export const maxSearchLength = 100;

const day = /^\d{4}-\d{2}-\d{2}$/;

/** 2023-02-28 is, 2023-02-30 is not (Date would roll it over into March). */
function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const dateBound = z
  .string()
  .trim()
  .refine((value) => (day.test(value) && isCalendarDay(value)) || parseEventTime(value) !== null, {
    error: "must be a date (YYYY-MM-DD) or an RFC 3339 date-time with a zone",
  });

const cursor = z.string().refine((value) => decodeCursor(value) !== null, { error: "is not a cursor from this API" });

const querySchema = z
  .object({
    status: z.preprocess(
      (value) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(",")).filter(Boolean)),
      z.array(z.enum(statusFilters, { error: `must be one of ${statusFilters.join(", ")}` })).max(statusFilters.length),
    ),
    from: single(dateBound),
    to: single(dateBound),
    tz: single(z.string().max(64)),
    rec: single(z.enum(["with", "without"], { error: "must be with or without" })),
    q: single(
      z
        .string()
        .trim()
        .max(maxSearchLength, { error: `must be at most ${maxSearchLength} characters` })
        // PostgreSQL cannot compare text with a NUL in it (the query would fail, not find nothing).
        .refine((text) => !text.includes("\u0000"), { error: "must not contain NUL characters" }),
    ),
    sort: single(z.enum(listSorts, { error: `must be ${listSorts.join(" or ")}` })),
    dir: single(z.enum(["desc", "asc"], { error: "must be desc or asc" })),
    after: single(cursor),
    before: single(cursor),
    limit: single(
      z.coerce
        .number({ error: (issue) => (issue.code === "invalid_type" ? "must be a number" : undefined) })
        .int({ error: "must be a whole number" })
        .min(1, { error: "must be at least 1" })
        .max(maxListLimit, { error: `must be at most ${maxListLimit}` }),
    ),
  })
  .refine((query) => !(query.after && query.before), { error: "give after or before, not both", path: ["before"] });

export type ConsultationListQuery = {
  statuses: StatusFilter[];
  /** Last event at or after (UTC microseconds). */
  fromMicros?: bigint;
  /** Last event before (UTC microseconds; a date bound covers the whole day). */
  toMicros?: bigint;
  recommendation?: "with" | "without";
  search?: string;
  sort: ListSort;
  dir: "desc" | "asc";
  after?: KeysetCursor;
  before?: KeysetCursor;
  limit: number;
  /** The zone date-only bounds are read in. */
  timeZone: string;
  /** The bounds as written in the URL, to write them back into links and inputs. */
  fromText?: string;
  toText?: string;
};

function boundToMicros(text: string, timeZone: string, endOfDay: boolean): bigint {
  if (day.test(text)) {
    const [year, month, date] = text.split("-").map(Number) as [number, number, number];
    const dayText = endOfDay ? new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10) : text;
    return BigInt(startOfDayInZone(dayText, timeZone).getTime()) * 1000n;
  }
  return parseEventTime(text)!;
}

export function parseListQuery(input: SearchParamsInput): ParsedQuery<ConsultationListQuery> {
  const parsed = parseQueryWith(querySchema, input);
  if (!parsed.ok) return parsed;
  const value = parsed.query;
  const timeZone = resolveTimeZone(value.tz);
  const fromMicros = value.from ? boundToMicros(value.from, timeZone, false) : undefined;
  // A date-only upper bound includes that whole day; a date-time is exclusive.
  const toMicros = value.to ? boundToMicros(value.to, timeZone, true) : undefined;
  return {
    ok: true,
    query: {
      statuses: [...new Set(value.status)],
      fromMicros,
      toMicros,
      recommendation: value.rec,
      search: value.q || undefined,
      sort: value.sort ?? "last_event",
      dir: value.dir ?? "desc",
      after: value.after ? decodeCursor(value.after)! : undefined,
      before: value.before ? decodeCursor(value.before)! : undefined,
      limit: value.limit ?? defaultListLimit,
      timeZone,
      fromText: value.from,
      toText: value.to,
    },
  };
}

/**
 * The query as URL parameters (defaults left out), for links: pagination, sorting, the API.
 * `changes` replaces parts of it; the cursor is dropped unless given again.
 */
export function listQueryParams(
  query: ConsultationListQuery,
  changes: Partial<Pick<ConsultationListQuery, "statuses" | "sort" | "dir" | "after" | "before">> = {},
): URLSearchParams {
  const next = { ...query, after: undefined, before: undefined, ...changes };
  const params = new URLSearchParams();
  for (const status of next.statuses) params.append("status", status);
  if (next.fromText) params.set("from", next.fromText);
  if (next.toText) params.set("to", next.toText);
  if ((next.fromText && day.test(next.fromText)) || (next.toText && day.test(next.toText))) params.set("tz", next.timeZone);
  if (next.recommendation) params.set("rec", next.recommendation);
  if (next.search) params.set("q", next.search);
  if (next.sort !== "last_event") params.set("sort", next.sort);
  if (next.dir !== "desc") params.set("dir", next.dir);
  if (next.limit !== defaultListLimit) params.set("limit", String(next.limit));
  if (next.after) params.set("after", encodeCursor(next.after));
  if (next.before) params.set("before", encodeCursor(next.before));
  return params;
}
