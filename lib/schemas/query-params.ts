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

function toRecord(input: SearchParamsInput): Record<string, string | string[]> {
  if (!(input instanceof URLSearchParams)) {
    return Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
  }
  const record: Record<string, string[]> = {};
  for (const [key, value] of input) (record[key] ??= []).push(value);
  return record;
}

/** Runs a query schema over the parameters; the issues name the parameters at fault. */
export function parseQueryWith<T>(schema: z.ZodType<T>, input: SearchParamsInput): ParsedQuery<T> {
  const parsed = schema.safeParse(toRecord(input));
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, issues: toIssues(parsed.error) };
}

/** A page's address with its query: `/consultations?status=new`, or `/consultations` with none. */
export const hrefWith = (path: string, params: URLSearchParams): string => (params.size > 0 ? `${path}?${params}` : path);
