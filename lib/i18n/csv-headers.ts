// CSV column headers in the caller's language (issue 15): an export is read by people, so its
// header row follows the language the caller reads the UI in (their saved preference, else the
// request's `locale` cookie, else Accept-Language, else English). The English headers are the
// stable column names docs/api.md lists; the cells stay as they are in every language, and the
// JSON API is English only.
import "server-only";
import type { Caller } from "../auth/permissions";
import { localeCookie, type UiLocale } from "./locales";
import { loadMessages, type Messages } from "./messages";
import { resolveLocale } from "./resolve";

type CsvTable = keyof Messages["csv"];

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The language of a request's export: the signed-in user's preference (an API token has none), the cookie, Accept-Language. */
export function exportLocaleOf(request: Request, caller: Caller): UiLocale {
  const preference = caller.kind === "user" && "locale" in caller && typeof caller.locale === "string" ? caller.locale : undefined;
  return resolveLocale({ preference, cookie: cookieValue(request.headers.get("cookie"), localeCookie), acceptLanguage: request.headers.get("accept-language") });
}

/** The header row of a table's columns, in the language. */
export async function csvHeaders<C extends string>(table: CsvTable, columns: readonly C[], locale: UiLocale): Promise<string[]> {
  const labels = (await loadMessages(locale)).csv[table] as Record<string, string>;
  return columns.map((column) => labels[column] ?? column);
}
