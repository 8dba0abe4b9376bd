import { describe, expect, it } from "vitest";
import { evaluateTargets, ratioOf, type DatabaseResults } from "./report";
import type { LiveUpdateResult } from "./live-updates";
import type { Measurement } from "./load";

const results = (liveUpdates: LiveUpdateResult | null): DatabaseResults => ({
  kind: "sqlite",
  busyBefore: 0,
  seed: { consultations: 1_000_000, rows: 0, seconds: 0 },
  memory: { afterStartBytes: 0, peakBytes: 0 },
  measurements: [],
  csvExport: null,
  liveUpdates,
  profiles: [],
});

const liveTarget = (liveUpdates: LiveUpdateResult | null) =>
  evaluateTargets([results(liveUpdates)], 1_000_000).find((target) => target.target.startsWith("live update"))!;

describe("the live-update target", () => {
  it("is met when every row appeared and p99 is at most 1.5 s", () => {
    const target = liveTarget({ sent: 20, seen: 20, p50: 600, p99: 1500, max: 1500, note: null });
    expect(target.status).toBe("met");
    expect(target.detail).toContain("p99 1500 ms");
    expect(target.gap).toBeNull();
  });

  it("is missed above 1.5 s, or when a row never appeared", () => {
    expect(liveTarget({ sent: 20, seen: 20, p50: 600, p99: 1501, max: 1700, note: null }).status).toBe("missed");
    const lost = liveTarget({ sent: 20, seen: 19, p50: 600, p99: 900, max: 900, note: null });
    expect(lost.status).toBe("missed");
    expect(lost.detail).toContain("19 of 20 rows");
  });

  it("is not measured without a live-update figure", () => {
    expect(liveTarget(null).status).toBe("not measured");
  });

  it("is missed when no row appeared at all", () => {
    const none = liveTarget({ sent: 20, seen: 0, p50: 0, p99: 0, max: 0, note: "the list never loaded" });
    expect(none.status).toBe("missed");
    expect(none.detail).toBe("0 of 20 rows seen in Chromium (the list never loaded)");
  });
});

const measurement = (name: string, rps: number): Measurement => ({
  name, route: "POST /api/webhooks", connections: 8, requests: rps * 8, non2xx: 0, errors: 0, seconds: 8, rps, p50: 5, p99: 10, max: 20,
  cpuMsPerRequest: 1, databaseCpuMsPerRequest: null, otherLoad: 0, note: null,
});

describe("the flood ratio", () => {
  it("compares the flooded figure with ingest alone just before it", () => {
    const flooded = measurement("flooded ingest", 600);
    const run = { ...results(null), measurements: [measurement("ingest recommendation", 1500), measurement("unflooded ingest", 1000), flooded] };
    expect(ratioOf(run, flooded)).toEqual({ value: 0.6, text: "0.60× unflooded" });
  });

  it("falls back to the recommendation figure when nothing was measured just before", () => {
    const flooded = measurement("flooded ingest", 600);
    const run = { ...results(null), measurements: [measurement("ingest recommendation", 1500), flooded] };
    expect(ratioOf(run, flooded)).toEqual({ value: 0.4, text: "0.40× unflooded" });
  });
});
