// The metrics scraper's credential: `Authorization: Bearer <CARE_DESK_METRICS_TOKEN>`, compared in
// constant time (both sides hashed first, so neither the length nor a prefix leaks through timing).
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function metricsTokenMatches(authorization: string | null, expected: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const given = match?.[1] ?? "";
  // Always compare, even without a token, so a missing header costs the same as a wrong one.
  return timingSafeEqual(digest(given), digest(expected)) && given !== "";
}
