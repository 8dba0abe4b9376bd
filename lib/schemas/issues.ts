// The one shape of a validation problem, as error bodies (`issues`), pages and the inbox show it.
import type { z } from "zod";

export type Issue = { path: string; message: string };

type PathFormat = (path: readonly PropertyKey[]) => string;

/** A query parameter as a URL names it: `limit`, `status.0` (the first `status`). */
export const queryPath: PathFormat = (path) => path.map(String).join(".") || "(query)";

/** A place in a JSON body: `data.drug.fdaDrug[0].duration`. */
export const bodyPath: PathFormat = (path) =>
  path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "") || "(body)";

/** A zod error's issues (the first `limit`), each with its path written out. */
export function toIssues(error: z.ZodError, formatPath: PathFormat = queryPath, limit = 50): Issue[] {
  return error.issues.slice(0, limit).map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
