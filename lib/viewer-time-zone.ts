// The viewer's time zone, as their browser reported it in the `tz` cookie
// (components/time-zone-sync.tsx); UTC until it has.
import "server-only";
import { cookies } from "next/headers";
import { resolveTimeZone } from "./time/format";

export const timeZoneCookie = "tz";

export async function getViewerTimeZone(): Promise<string> {
  return resolveTimeZone((await cookies()).get(timeZoneCookie)?.value);
}
