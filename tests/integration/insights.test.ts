// /insights' aggregates (lib/data/insights) on a real database: a hand-counted set of
// consultations in the test's own day (and the day after), each figure checked exactly.
import { beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError } from "@/lib/auth/permissions";
import { getInsights, type Insights } from "@/lib/data/insights";
import { parseInsightsQuery, type InsightsQuery } from "@/lib/schemas/insights-query";
import { asAuditor, asCoordinator } from "../support/callers";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { timeWindow } from "../support/time-window";
import { deliver } from "../support/webhooks";

const window = timeWindow();
const nextDay = new Date(Date.parse(`${window.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const rangeQuery = (params: Record<string, string>, timeZone = "UTC"): InsightsQuery => {
  const parsed = parseInsightsQuery(params, timeZone);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.query;
};

/** timeWindow's `at(minutes)` carries `minutes` extra microseconds: a duration between two such times. */
const between = (fromMinutes: number, toMinutes: number) => (toMinutes - fromMinutes) * 60_000_000 + (toMinutes - fromMinutes);

type Made = { statuses: [string, number][]; diagnosis?: string; drugs?: string[] };

async function consultation({ statuses, diagnosis, drugs }: Made, day = window): Promise<number> {
  const id = uniqueId();
  let previous: string | null = null;
  for (const [status, minutes] of statuses) {
    await deliver(routeHandler, statusUpdate(id, previous, status, day.at(minutes)));
    previous = status;
  }
  if (diagnosis !== undefined) {
    const data = recommendationData({
      icd10: { symptom: [], diagnosis: [{ code: diagnosis, name: `Diagnosis ${diagnosis}` }] },
      drug: { fdaDrug: (drugs ?? []).map((name) => ({ name, tradeName: `${name} trade`, frequency: "Twice daily", duration: 5 })) },
    });
    await deliver(routeHandler, recommendation(id, day.at(statuses[0]![1] + 1), data));
  }
  return id;
}

let oneDay: Insights;
let twoDays: Insights;

beforeAll(async () => {
  // Closed after 60, 120, 180, 240 and 300 minutes.
  await consultation({ statuses: [["new", 0], ["closed", 60]], diagnosis: "T20", drugs: ["Amoxicillin", "Paracetamol"] });
  await consultation({ statuses: [["new", 10], ["in_progress", 20], ["closed", 130]], diagnosis: "T20", drugs: ["Amoxicillin"] });
  await consultation({ statuses: [["new", 20], ["closed", 200]] });
  await consultation({ statuses: [["new", 30], ["closed", 270]], diagnosis: "T10", drugs: ["Paracetamol", "Paracetamol"] });
  await consultation({ statuses: [["new", 5], ["closed", 305]] });
  // Not closed.
  await consultation({ statuses: [["new", 40], ["in_progress", 100]], diagnosis: "T10", drugs: ["Ibuprofen", "Cefalexin"] });
  await consultation({ statuses: [["new", 50]], diagnosis: "A01", drugs: ["Amoxicillin"] });
  // The day after: only in the two-day range.
  await consultation({ statuses: [["new", 1440 + 10], ["closed", 1440 + 25]], diagnosis: "T10", drugs: ["Ibuprofen"] });
  oneDay = await getInsights(asCoordinator, rangeQuery({ from: window.date, to: window.date }));
  twoDays = await getInsights(asCoordinator, rangeQuery({ from: window.date, to: nextDay }));
});

const zero = { new: 0, checking_medical_profile: 0, in_progress: 0, closed: 0, other: 0 };

describe("getInsights", () => {
  it("counts consultations per day by their current status, on the day of their latest status event", () => {
    expect(oneDay.perDay).toEqual([{ day: window.date, counts: { ...zero, new: 1, in_progress: 1, closed: 5 }, total: 7 }]);
    expect(twoDays.perDay).toEqual([
      { day: window.date, counts: { ...zero, new: 1, in_progress: 1, closed: 5 }, total: 7 },
      { day: nextDay, counts: { ...zero, closed: 1 }, total: 1 },
    ]);
  });

  it("counts days in the viewer's zone: at UTC-5 the day starts at 05:00 UTC", async () => {
    const dayBefore = new Date(Date.parse(`${window.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const zoned = await getInsights(asCoordinator, rangeQuery({ from: dayBefore, to: window.date }, "Etc/GMT+5"));
    // Before 05:00 UTC: six consultations on the day before; 05:05 and 00:25 the next day UTC: two.
    expect(zoned.perDay).toEqual([
      { day: dayBefore, counts: { ...zero, new: 1, in_progress: 1, closed: 4 }, total: 6 },
      { day: window.date, counts: { ...zero, closed: 2 }, total: 2 },
    ]);
  });

  it("gives the median and 90th percentile time from new to closed by nearest rank", () => {
    expect(oneDay.closeTime).toEqual({ consultations: 5, medianMicros: between(20, 200), p90Micros: between(5, 305) });
    // Six values (15 min added): median is rank 3, the 90th percentile rank 6.
    expect(twoDays.closeTime).toEqual({ consultations: 6, medianMicros: between(10, 130), p90Micros: between(5, 305) });
  });

  it("leaves a closed consultation with no new event out of the time to close", async () => {
    const own = timeWindow();
    await consultation({ statuses: [["new", 0], ["closed", 60]] }, own);
    // Closed after 10 minutes of in_progress, but never new: no duration to measure.
    await consultation({ statuses: [["in_progress", 0], ["closed", 10]] }, own);
    const insights = await getInsights(asCoordinator, rangeQuery({ from: own.date, to: own.date }));
    expect(insights.closeTime).toEqual({ consultations: 1, medianMicros: between(0, 60), p90Micros: between(0, 60) });
    expect(insights.recommendations.closed).toBe(2);
  });

  it("gives the share of closed consultations with a recommendation", () => {
    expect(oneDay.recommendations).toEqual({ closed: 5, withRecommendation: 3 });
    expect(twoDays.recommendations).toEqual({ closed: 6, withRecommendation: 4 });
  });

  it("ranks diagnoses and drugs by consultations, ties by code or name", () => {
    expect(oneDay.topDiagnoses).toEqual([
      { code: "T10", label: "Diagnosis T10", count: 2 },
      { code: "T20", label: "Diagnosis T20", count: 2 },
      { code: "A01", label: "Diagnosis A01", count: 1 },
    ]);
    expect(twoDays.topDiagnoses[0]).toEqual({ code: "T10", label: "Diagnosis T10", count: 3 });
    // Paracetamol twice in one recommendation counts once.
    expect(oneDay.topDrugs).toEqual([
      { code: null, label: "Amoxicillin", count: 3 },
      { code: null, label: "Paracetamol", count: 2 },
      { code: null, label: "Cefalexin", count: 1 },
      { code: null, label: "Ibuprofen", count: 1 },
    ]);
    expect(twoDays.topDrugs.map((drug) => [drug.label, drug.count])).toEqual([
      ["Amoxicillin", 3],
      ["Ibuprofen", 2],
      ["Paracetamol", 2],
      ["Cefalexin", 1],
    ]);
  });

  it("keeps the top lists to 10", async () => {
    const names = Array.from({ length: 12 }, (_, index) => `Drug ${String(index).padStart(2, "0")}`);
    const own = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", own.at(0)));
    await deliver(routeHandler, recommendation(id, own.at(1), recommendationData({ drug: { fdaDrug: names.map((name) => ({ name, tradeName: name, frequency: "Daily", duration: 1 })) } })));
    const insights = await getInsights(asCoordinator, rangeQuery({ from: own.date, to: own.date }));
    expect(insights.topDrugs.map((drug) => drug.label)).toEqual(names.slice(0, 10));
  });

  it("is refused to a role without consultations:read", async () => {
    await expect(getInsights(asAuditor, rangeQuery({ from: window.date, to: window.date }))).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe("getInsights' cache", () => {
  it("answers a second request from the cache, and shows a new consultation once it has recounted", { timeout: 240_000 }, async () => {
    const own = timeWindow();
    const range = rangeQuery({ from: own.date, to: own.date });
    const first = uniqueId();
    await deliver(routeHandler, statusUpdate(first, null, "new", own.at(0)));
    const before = await getInsights(asCoordinator, range);
    expect(before.perDay[0]!.total).toBe(1);

    await deliver(routeHandler, statusUpdate(uniqueId(), null, "new", own.at(5)));
    // Within the cache's window: the same counting, without the new consultation.
    const cached = await getInsights(asCoordinator, range);
    expect(cached.computedAt).toEqual(before.computedAt);
    expect(cached.perDay[0]!.total).toBe(1);

    // After the refresh interval a request starts a recount; a later one gets its figures.
    let latest = cached;
    const deadline = Date.now() + 200_000;
    while (latest.perDay[0]!.total === 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      latest = await getInsights(asCoordinator, range);
    }
    expect(latest.perDay[0]!.total).toBe(2);
    expect(latest.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
  });
});

describe("parseInsightsQuery", () => {
  it("defaults to the last 30 days up to today in the viewer's zone", () => {
    const parsed = parseInsightsQuery({}, "Asia/Tokyo", new Date("2024-03-10T20:00:00Z"));
    expect(parsed.ok && [parsed.query.from, parsed.query.to, parsed.query.days.length]).toEqual(["2024-02-11", "2024-03-11", 30]);
    expect(parsed.ok && parsed.query.fromMicros).toBe(BigInt(Date.parse("2024-02-10T15:00:00Z")) * 1000n);
  });

  it("explains a bad range instead of failing", () => {
    expect(parseInsightsQuery({ from: "2024-02-30" }, "UTC")).toMatchObject({ ok: false, issues: [{ path: "from" }] });
    expect(parseInsightsQuery({ from: "2024-03-02", to: "2024-03-01" }, "UTC")).toMatchObject({ ok: false, issues: [{ path: "from" }] });
    expect(parseInsightsQuery({ from: "2023-01-01", to: "2024-12-31" }, "UTC")).toMatchObject({ ok: false, issues: [{ path: "to" }] });
    expect(parseInsightsQuery({ days: "7" }, "UTC")).toMatchObject({ ok: false });
  });
});
