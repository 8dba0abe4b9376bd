import { describe, expect, it } from "vitest";
import { businessMinutesBetween, isBusinessMinute, parseBusinessHours } from "./business-hours";

describe("business hours", () => {
  it("parse day ranges, lists and wrapping ranges, and refuse what does not read", () => {
    expect([...parseBusinessHours("mon-fri 08:00-18:00")!.days]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseBusinessHours("sun-thu 09:00-17:30")!.days].sort()).toEqual([1, 2, 3, 4, 7]);
    expect([...parseBusinessHours("mon,wed,fri 09:00-12:00")!.days]).toEqual([1, 3, 5]);
    expect(parseBusinessHours("mon-fri 08:00-24:00")!.end).toBe(24 * 60);
    for (const text of ["", "weekdays 08:00-18:00", "mon-fri 18:00-08:00", "mon-fri 8-18", "mon-fri 08:00-25:00"]) expect(parseBusinessHours(text), text).toBeNull();
  });

  it("follow the wall clock of the time zone", () => {
    const hours = parseBusinessHours("sun-thu 08:00-16:00")!;
    // 05:30 UTC on a Sunday is 08:30 in Amman (UTC+3).
    expect(isBusinessMinute(new Date("2030-01-06T05:30:00Z"), hours, "Asia/Amman")).toBe(true);
    expect(isBusinessMinute(new Date("2030-01-06T05:30:00Z"), hours, "UTC")).toBe(false);
    expect(isBusinessMinute(new Date("2030-01-04T10:00:00Z"), hours, "Asia/Amman")).toBe(false); // Friday
  });

  it("count only minutes inside business hours, up to the limit", () => {
    const hours = parseBusinessHours("mon-fri 08:00-18:00")!;
    const friday = new Date("2030-01-04T17:30:00Z");
    expect(businessMinutesBetween(friday, new Date("2030-01-07T08:20:00Z"), hours, "UTC", 1000)).toBe(50);
    expect(businessMinutesBetween(friday, new Date("2030-01-07T09:00:00Z"), hours, "UTC", 60)).toBe(60);
    expect(businessMinutesBetween(friday, new Date("2030-01-05T12:00:00Z"), hours, "UTC", 1000)).toBe(30);
  });
});
