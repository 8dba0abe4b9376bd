import { describe, expect, it } from "vitest";
import { flagRepeatPrescriptions, genericKey, type Prescribed } from "./repeat-prescriptions";

const drug = (consultationId: number, name: string | null, days: number, position = 0): Prescribed => {
  const micros = BigInt(Math.round(days * 86_400)) * 1_000_000n + 1_700_000_000_000_000n;
  const utc = new Date(Number(micros / 1000n)).toISOString();
  return { consultationId, position, name, micros, prescribedAt: { sent: utc, utc } };
};
const summary = (items: Prescribed[], window = 30) =>
  flagRepeatPrescriptions(items, window).map((flags) => [flags.repeatOf && [flags.repeatOf.consultationId, flags.repeatOf.gapDays], flags.repeatedBy && [flags.repeatedBy.consultationId, flags.repeatedBy.gapDays]]);

describe("flagRepeatPrescriptions", () => {
  it("flags both prescriptions of a pair within the window, by generic name in any case, with whole days between", () => {
    expect(summary([drug(2, "AMOXICILLIN", 12.9), drug(1, "amoxicillin", 0)])).toEqual([
      [[1, 12], null],
      [null, [2, 12]],
    ]);
  });

  it("counts the window's last instant in, and anything after it out", () => {
    expect(summary([drug(1, "X", 0), drug(2, "X", 30)])).toEqual([[null, [2, 30]], [[1, 30], null]]);
    expect(summary([drug(1, "X", 0), drug(2, "X", 30.0001)])).toEqual([[null, null], [null, null]]);
  });

  it("pairs neighbours only, skips a drug twice in one consultation and drugs without a name", () => {
    expect(summary([drug(1, "X", 0), drug(2, "X", 5), drug(3, "X", 9)])).toEqual([[null, [2, 5]], [[1, 5], [3, 4]], [[2, 4], null]]);
    expect(summary([drug(1, "X", 0, 0), drug(1, "X", 0, 1)])).toEqual([[null, null], [null, null]]);
    expect(summary([drug(1, null, 0), drug(2, null, 1), drug(3, " ", 2), drug(4, "", 3)])).toEqual([[null, null], [null, null], [null, null], [null, null]]);
  });

  it("compares names trimmed and lower-cased", () => {
    expect(genericKey("  Ibuprofen ")).toBe("ibuprofen");
    expect(genericKey("   ")).toBeNull();
    expect(genericKey(null)).toBeNull();
  });
});
