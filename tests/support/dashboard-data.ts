// Builds dashboard test data through the real webhook route, in a time window of its own: tests
// share one database, so each test filters its rows by that window (or by a unique search term).
import { expect } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { parseListQuery } from "@/lib/schemas/consultation-query";
import { uniqueConsultationId, webhookRequest } from "./webhooks";

export async function deliver(body: unknown): Promise<{ outcome: string; delivery_id: number }> {
  const response = await POST(webhookRequest(body));
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

/** A day in the twentieth century that no other test uses, and a clock inside it. */
export function testWindow() {
  const day = new Date(Date.UTC(1901, 0, 1) + (uniqueConsultationId() % 36_000) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  /** RFC 3339 time `minutes` after the start of the day, with microseconds as Altibbi sends them. */
  const at = (minutes: number, offset = "Z") => {
    const time = new Date(day.getTime() + minutes * 60_000).toISOString().replace(".000Z", "");
    return `${time}.${String(123456 + minutes).padStart(6, "0")}${offset}`;
  };
  return { date, at, params: `from=${date}&to=${date}&tz=UTC` };
}

/** The parsed list query for a URL query string (fails the test when it does not parse). */
export function listQuery(text: string) {
  const parsed = parseListQuery(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(`query ${text} does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.query;
}
