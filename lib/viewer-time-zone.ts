// The viewer's time zone, as their browser reported it in the `tz` cookie
// (components/time-zone-sync.tsx); UTC until it has.
import "server-only";
import { cookies } from "next/headers";
import { resolveTimeZone } from "./time/format";

export const timeZoneCookie = "tz";

export async function getViewerTimeZone(): Promise<string> {
  return resolveTimeZone((await cookies()).get(timeZoneCookie)?.value);
}

/**
 * The same zone read from a request's own headers (route handlers); `fallback` when the request
 * has no `tz` cookie (an API client), e.g. the zone its query names.
 */
export function viewerTimeZoneFrom(headers: Headers, fallback = "UTC"): string {
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${timeZoneCookie}=`));
  if (cookie === undefined) return resolveTimeZone(fallback);
  try {
    return resolveTimeZone(decodeURIComponent(cookie.slice(timeZoneCookie.length + 1)));
  } catch {
    return "UTC";
  }
}
