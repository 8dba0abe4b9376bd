import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration, formatIsoInZone, formatOffset, formatRelative, resolveTimeZone, startOfDayInZone } from "./format";

describe("resolveTimeZone", () => {
  it("keeps a zone the runtime knows", () => {
    expect(resolveTimeZone("Asia/Amman")).toBe("Asia/Amman");
    expect(resolveTimeZone("UTC")).toBe("UTC");
  });

  it.each([undefined, null, "", "Mars/Olympus", "<script>", "a".repeat(100), "Europe/Paris; rm"])("falls back to UTC for %s", (value) => {
    expect(resolveTimeZone(value)).toBe("UTC");
  });
});

describe("formatDateTime and formatOffset", () => {
  const instant = new Date("2023-06-15T09:38:50.848Z");

  it("shows the wall clock of the zone", () => {
    expect(formatDateTime(instant, "UTC")).toBe("15 Jun 2023, 09:38:50");
    expect(formatDateTime(instant, "Asia/Amman")).toBe("15 Jun 2023, 12:38:50");
    expect(formatDateTime(instant, "America/New_York")).toBe("15 Jun 2023, 05:38:50");
  });

  it("names the offset in force at that instant", () => {
    expect(formatOffset(instant, "UTC")).toBe("UTC");
    expect(formatOffset(instant, "Asia/Amman")).toBe("UTC+03:00");
    expect(formatOffset(new Date("2023-01-15T12:00:00Z"), "America/New_York")).toBe("UTC-05:00");
    expect(formatOffset(instant, "Asia/Kolkata")).toBe("UTC+05:30");
    expect(formatOffset(new Date("1909-06-01T00:00:00Z"), "Asia/Amman")).toBe("UTC+02:23:44");
  });
});

describe("formatIsoInZone", () => {
  it("writes the instant in the zone with its offset, and reads back as the same instant", () => {
    const instant = new Date("2023-06-15T12:38:50.848Z");
    expect(formatIsoInZone(instant, "Asia/Riyadh")).toBe("2023-06-15T15:38:50.848+03:00");
    expect(formatIsoInZone(instant, "America/New_York")).toBe("2023-06-15T08:38:50.848-04:00");
    expect(formatIsoInZone(instant, "UTC")).toBe("2023-06-15T12:38:50.848Z");
    expect(new Date(formatIsoInZone(instant, "Asia/Kolkata")).getTime()).toBe(instant.getTime());
    expect(formatIsoInZone(new Date("2023-01-01T00:00:00Z"), "Asia/Riyadh")).toBe("2023-01-01T03:00:00.000+03:00");
  });
});

describe("startOfDayInZone", () => {
  it("finds local midnight", () => {
    expect(startOfDayInZone("2023-06-15", "UTC").toISOString()).toBe("2023-06-15T00:00:00.000Z");
    expect(startOfDayInZone("2023-06-15", "Asia/Amman").toISOString()).toBe("2023-06-14T21:00:00.000Z");
    expect(startOfDayInZone("2023-06-15", "America/Los_Angeles").toISOString()).toBe("2023-06-15T07:00:00.000Z");
  });

  it("handles a day on which daylight saving time starts", () => {
    expect(startOfDayInZone("2023-03-12", "America/New_York").toISOString()).toBe("2023-03-12T05:00:00.000Z");
    expect(startOfDayInZone("2023-03-13", "America/New_York").toISOString()).toBe("2023-03-13T04:00:00.000Z");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "< 1 s"],
    [40_000, "40 s"],
    [12 * 60_000 + 5_000, "12 min 5 s"],
    [3 * 3_600_000 + 5 * 60_000, "3 h 5 min"],
    [3 * 3_600_000 + 20_000, "3 h"],
    [2 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, "2 d 4 h"],
    [Number.NaN, "< 1 s"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatRelative", () => {
  const now = new Date("2023-06-15T12:00:00Z");
  it.each([
    ["2023-06-15T11:55:00Z", "5 minutes ago"],
    ["2023-06-15T11:59:30Z", "30 seconds ago"],
    ["2023-06-14T12:00:00Z", "yesterday"],
    ["2023-06-15T14:00:00Z", "in 2 hours"],
  ])("%s is %s", (iso, text) => {
    expect(formatRelative(new Date(iso), now)).toBe(text);
  });
});
