// The /audit page's query (and its CSV export's): filters by user, consultation, action, outcome
// and date range, and the keyset cursor (seq: the chain's order, newest first).
import { z } from "zod";
import { auditActions, auditOutcomes, type AuditAction, type AuditOutcome } from "../audit/catalogue";
import type { AuditRowFields } from "../audit/hash";
import { resolveTimeZone, startOfDayInZone } from "../time/format";
import { parseQueryWith, single, type ParsedQuery, type SearchParamsInput } from "./query-params";

export const auditPageSize = 50;
/** The CSV export's limit: a filter that matches more is refused, with the advice to narrow it. */
export const maxAuditExportRows = 50_000;

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date (YYYY-MM-DD)" })
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, { error: "must be a calendar date" });

const seq = z.coerce
  .number({ error: "must be an event number" })
  .int({ error: "must be an event number" })
  .min(1, { error: "must be an event number" })
  .max(Number.MAX_SAFE_INTEGER, { error: "must be an event number" });

const querySchema = z
  .object({
    user: single(z.string().trim().max(320, { error: "must be at most 320 characters" }).refine((text) => !text.includes("\u0000"), { error: "must not contain NUL characters" })),
    consultation: single(
      z.coerce.number({ error: "must be a consultation id" }).int({ error: "must be a consultation id" }).min(1, { error: "must be a consultation id" }).max(Number.MAX_SAFE_INTEGER, { error: "must be a consultation id" }),
    ),
    action: single(z.enum(auditActions, { error: "is not an audited action" })),
    outcome: single(z.enum(auditOutcomes, { error: `must be one of ${auditOutcomes.join(", ")}` })),
    from: single(day),
    to: single(day),
    tz: single(z.string().max(64)),
    after: single(seq),
    before: single(seq),
  })
  .refine((query) => !(query.after && query.before), { error: "give after or before, not both", path: ["before"] });

export type AuditListQuery = {
  /** A user id or an email (exact, case-insensitive for emails). */
  user?: string;
  consultationId?: number;
  action?: AuditAction;
  outcome?: AuditOutcome;
  /** At or after. */
  from?: Date;
  /** Before (a date bound covers that whole day). */
  to?: Date;
  fromText?: string;
  toText?: string;
  timeZone: string;
  after?: number;
  before?: number;
};

const nextDay = (text: string) => {
  const [year, month, date] = text.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
};

/** `timeZone`: the viewer's, used when the URL has no `tz`. */
export function parseAuditQuery(input: SearchParamsInput, viewerTimeZone = "UTC"): ParsedQuery<AuditListQuery> {
  const parsed = parseQueryWith(querySchema, input);
  if (!parsed.ok) return parsed;
  const value = parsed.query;
  const timeZone = value.tz ? resolveTimeZone(value.tz) : viewerTimeZone;
  return {
    ok: true,
    query: {
      user: value.user || undefined,
      consultationId: value.consultation,
      action: value.action,
      outcome: value.outcome,
      from: value.from ? startOfDayInZone(value.from, timeZone) : undefined,
      to: value.to ? startOfDayInZone(nextDay(value.to), timeZone) : undefined,
      fromText: value.from,
      toText: value.to,
      timeZone,
      after: value.after,
      before: value.before,
    },
  };
}

/** The query as URL parameters (for links, paging and the export); `cursor` replaces the query's own. */
export function auditQueryParams(query: AuditListQuery, cursor: { after?: number; before?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.user) params.set("user", query.user);
  if (query.consultationId !== undefined) params.set("consultation", String(query.consultationId));
  if (query.action) params.set("action", query.action);
  if (query.outcome) params.set("outcome", query.outcome);
  if (query.fromText) params.set("from", query.fromText);
  if (query.toText) params.set("to", query.toText);
  if (query.fromText || query.toText) params.set("tz", query.timeZone);
  if (cursor.after !== undefined) params.set("after", String(cursor.after));
  if (cursor.before !== undefined) params.set("before", String(cursor.before));
  return params;
}

/** An audit event as the API and the page read it: the hashed fields, with JSON-safe numbers and times. */
export type AuditEventDto = Omit<AuditRowFields, "seq" | "at" | "consultationId"> & {
  seq: number;
  at: string;
  consultationId: number | null;
};

export type AuditListDto = { items: AuditEventDto[]; page: { next: number | null; prev: number | null } };

export type AuditVerificationDto = {
  at: string;
  outcome: "intact" | "broken";
  events: number;
  firstBadSeq: number | null;
  message: string | null;
  trigger: string;
};
