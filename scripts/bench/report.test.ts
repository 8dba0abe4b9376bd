import { describe, expect, it } from "vitest";
import { evaluateTargets, type DatabaseResults } from "./report";
import type { LiveUpdateResult } from "./live-updates";

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
