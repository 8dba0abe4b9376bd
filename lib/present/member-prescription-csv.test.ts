import { describe, expect, it } from "vitest";
import type { MemberPrescriptionDto } from "../schemas/member";
import { memberPrescriptionCsvColumns, memberPrescriptionCsvRecord } from "./member-prescription-csv";

const item = (changes: Partial<MemberPrescriptionDto> = {}): MemberPrescriptionDto => ({
  consultationId: 72,
  recommendationId: 9,
  position: 0,
  name: "Amoxicillin",
  tradeName: "Amoxil",
  strengthValue: "500",
  frequency: "Twice daily",
  duration: "5",
  prescribedAt: { sent: "2023-06-15 09:38:50", utc: "2023-06-15T09:38:50.848Z" },
  repeatOf: null,
  repeatedBy: null,
  ...changes,
});

const cells = (value: MemberPrescriptionDto, timeZone = "UTC") =>
  Object.fromEntries(memberPrescriptionCsvColumns.map((column, index) => [column, memberPrescriptionCsvRecord(value, timeZone)[index]]));

describe("a member's prescription as CSV cells", () => {
  it("writes one cell per column, the time in UTC and the viewer's zone, the dose line as the page words it", () => {
    expect(memberPrescriptionCsvRecord(item(), "UTC")).toHaveLength(memberPrescriptionCsvColumns.length);
    expect(cells(item(), "Asia/Riyadh")).toMatchObject({
      consultation_id: "72",
      prescribed_utc: "2023-06-15T09:38:50.848Z",
      prescribed_local: "2023-06-15T12:38:50.848+03:00",
      time_zone: "Asia/Riyadh",
      drug: "Amoxil",
      generic_name: "Amoxicillin",
      strength: "500",
      dose: "Twice daily · for 5 days",
      repeat: "no",
    });
  });

  it("leaves blank fields empty and names both repeat links with their gaps", () => {
    const link = (consultationId: number, gapDays: number) => ({ consultationId, gapDays, prescribedAt: { sent: "x", utc: "2023-06-01T00:00:00.000Z" } });
    expect(cells(item({ tradeName: null, strengthValue: null, frequency: null, duration: null, repeatOf: link(70, 14), repeatedBy: link(80, 3) }))).toMatchObject({
      drug: "",
      strength: "",
      dose: "",
      repeat: "yes",
      repeat_of_consultation: "70",
      repeat_gap_days: "14",
      repeated_by_consultation: "80",
      repeated_by_gap_days: "3",
    });
  });
});
