// The consultation list's query, parsed as the page and the API parse it.
import { parseListQuery } from "@/lib/schemas/consultation-query";

/** The parsed list query for a URL query string (fails the test when it does not parse). */
export function listQuery(text: string) {
  const parsed = parseListQuery(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(`query ${text} does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.query;
}
