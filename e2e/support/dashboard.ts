// Data and checks for the dashboard specs. Specs run in parallel against one server and one
// database, so every spec makes its own consultations (random ids) in a time window of its own
// (a random day between 1800 and 1999) and looks at them through filters or search.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { sendWebhook, type SendWebhookOptions } from "./webhooks";

type Json = Record<string, unknown>;

export const sample = (name: "status_update" | "recommendation_data"): Json =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../fixtures", `${name}.sample.json`), "utf8"));

/** A consultation id (or any number) no other spec of this run will pick. */
export const uniqueId = () => randomInt(1_000_000_000, 2 ** 47);

export function timeWindow() {
  const day = new Date(Date.UTC(1800, 0, 1) + randomInt(0, 73_000) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  /** RFC 3339 time `minutes` after the day starts (UTC), with microseconds. */
  const at = (minutes: number) => `${new Date(day.getTime() + minutes * 60_000).toISOString().slice(0, 19)}.${String(100_000 + minutes).padStart(6, "0")}Z`;
  return { date, at, query: `from=${date}&to=${date}&tz=UTC` };
}

export function statusUpdate(consultationId: number, oldStatus: string | null, newStatus: string, datetime: string, extra: Json = {}): Json {
  return { ...sample("status_update"), consultation_id: consultationId, old_status: oldStatus, new_status: newStatus, datetime, ...extra };
}

export function recommendation(consultationId: number, datetime: string, data?: Json, extra: Json = {}): Json {
  return { ...sample("recommendation_data"), consultation_id: consultationId, datetime, ...(data ? { data } : {}), ...extra };
}

/** The sample recommendation's data with some parts replaced. */
export const sampleData = (changes: Json = {}): Json => ({ ...(sample("recommendation_data").data as Json), ...changes });

/** Sends a signed webhook and expects it to be stored. */
export async function deliver(request: APIRequestContext, body: unknown, options: SendWebhookOptions = {}): Promise<number> {
  const response = await sendWebhook(request, body, options);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).delivery_id as number;
}

/** The consultation ids of the list's rows, top to bottom. */
export const rowIds = (page: Page) =>
  page.locator("[data-testid=consultation-table] tbody tr").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-row-id"))));

/** Fails on any serious or critical axe-core violation. */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(blocking, label).toEqual([]);
}
