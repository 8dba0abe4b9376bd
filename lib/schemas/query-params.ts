// Pieces every URL query schema shares (the consultation list, the inbox, the live refresh): how a
// page's or a request's parameters reach zod, and what a parser answers.
import { z } from "zod";
import { toIssues, type Issue } from "./issues";

/** Next.js pages get a record, route handlers URLSearchParams: either is accepted. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export type ParsedQuery<T> = { ok: true; query: T } | { ok: false; issues: Issue[] };

/** A parameter given once: its first value, and an empty one (an untouched form field) as absent. */
export const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return first === "" ? undefined : first;
  }, schema.optional());

// Built on a prototype-less object: `?constructor=y` or `?__proto__=1` must be a parameter like
// any other, never Object.prototype's (which made `record[key] ??= []` throw).
function toRecord(input: SearchParamsInput): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = Object.create(null);
  if (!(input instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(input)) if (value !== undefined) record[key] = value;
    return record;
  }
  for (const [key, value] of input) {
    const seen = record[key];
    record[key] = seen === undefined ? [value] : [...seen, value];
  }
  return record;
}

/**
 * Names no query of Care Desk's has and a crafted URL sends to reach Object.prototype
 * (`constructor`, `toString`, `hasOwnProperty`, `__proto__`, …): refused, whatever the schema.
 */
const isPrototypeName = (name: string) => name === "__proto__" || Object.prototype.hasOwnProperty.call(Object.prototype, name);

/** Runs a query schema over the parameters; the issues name the parameters at fault. */
export function parseQueryWith<T>(schema: z.ZodType<T>, input: SearchParamsInput): ParsedQuery<T> {
  const record = toRecord(input);
  const crafted = Object.keys(record).filter(isPrototypeName);
  if (crafted.length > 0) return { ok: false, issues: crafted.map((name) => ({ path: name, message: "is not a parameter of this query" })) };
  const parsed = schema.safeParse(record);
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, issues: toIssues(parsed.error) };
}

/** A query of no parameters at all (an endpoint that takes none refuses any it is sent). */
export const noParametersSchema = z.strictObject({}, { error: "this endpoint takes no query parameters" });

/** A page's address with its query: `/consultations?status=new`, or `/consultations` with none. */
export const hrefWith = (path: string, params: URLSearchParams): string => (params.size > 0 ? `${path}?${params}` : path);
