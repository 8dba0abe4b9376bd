import { describe, expect, it } from "vitest";
import { microsToIso, parseEventTime } from "./event-time";

describe("parseEventTime", () => {
  it.each([
    ["2023-06-15T09:38:50.848860Z", 1686821930848860n],
    ["2023-06-15T09:38:50Z", 1686821930000000n],
    ["2023-06-15T09:38:50.8Z", 1686821930800000n],
    ["2023-06-15T12:38:50.848860+03:00", 1686821930848860n],
    ["2023-06-15T05:08:50.848860-04:30", 1686821930848860n],
    ["2023-06-15t09:38:50z", 1686821930000000n],
    ["2024-02-29T00:00:00Z", 1709164800000000n],
    ["0001-01-01T00:00:00Z", -62135596800000000n],
  ])("reads %s as %s µs", (text, micros) => {
    expect(parseEventTime(text)).toBe(micros);
  });

  it.each([
    "2023-06-15T09:38:50.848860",
    "2023-06-15 09:38:50Z",
    "2023-06-15T09:38:50.1234567Z",
    "2023-06-15T09:38:50.Z",
    "2023-02-29T00:00:00Z",
    "2023-13-01T00:00:00Z",
    "2023-06-15T24:00:00Z",
    "2023-06-15T09:60:00Z",
    "2023-06-15T09:38:60Z",
    "2023-06-15T09:38:50+24:00",
    "2023-06-15T09:38:50+0300",
    "1686821930",
    "",
  ])("refuses %s", (text) => {
    expect(parseEventTime(text)).toBeNull();
  });

  it("orders microseconds that JavaScript dates cannot tell apart", () => {
    expect(parseEventTime("2023-06-15T09:38:50.848861Z")! - parseEventTime("2023-06-15T09:38:50.848860Z")!).toBe(1n);
    expect(microsToIso(1686821930848860n)).toBe("2023-06-15T09:38:50.848Z");
  });
});
