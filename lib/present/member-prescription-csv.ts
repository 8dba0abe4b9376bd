// The member export's columns (documented in docs/api.md, "Member export"): one row per drug of
// each consultation's current recommendation, newest first, as the member page's Prescriptions
// table lists them, with its repeat flags. Times twice (UTC ISO 8601 and the viewer's zone), the
// dose line worded as on the page. Payload text is written as sent; the formula rule (lib/csv.ts)
// is applied when the rows are written.
import type { MemberPrescriptionDto } from "../schemas/member";
import { formatIsoInZone } from "../time/format";
import { presentDrugField } from "./drug";

export const memberPrescriptionCsvColumns = [
  "consultation_id",
  "prescribed_utc",
  "prescribed_local",
  "time_zone",
  "drug",
  "generic_name",
  "strength",
  "dose",
  "repeat",
  "repeat_of_consultation",
  "repeat_gap_days",
  "repeated_by_consultation",
  "repeated_by_gap_days",
] as const;

export type MemberPrescriptionCsvColumn = (typeof memberPrescriptionCsvColumns)[number];

/** "Twice daily · for 5 days": the member page's "How often, how long" as text. */
const doseLine = (item: MemberPrescriptionDto) =>
  [presentDrugField("frequency", item.frequency), presentDrugField("duration", item.duration)].filter((part): part is string => part !== null).join(" · ");

/** One prescription as its CSV cells, in column order. */
export function memberPrescriptionCsvRecord(item: MemberPrescriptionDto, timeZone: string): string[] {
  const cells: Record<MemberPrescriptionCsvColumn, string> = {
    consultation_id: String(item.consultationId),
    prescribed_utc: item.prescribedAt.utc,
    prescribed_local: formatIsoInZone(new Date(item.prescribedAt.utc), timeZone),
    time_zone: timeZone,
    drug: item.tradeName ?? "",
    generic_name: item.name ?? "",
    strength: item.strengthValue ?? "",
    dose: doseLine(item),
    repeat: item.repeatOf !== null || item.repeatedBy !== null ? "yes" : "no",
    repeat_of_consultation: item.repeatOf ? String(item.repeatOf.consultationId) : "",
    repeat_gap_days: item.repeatOf ? String(item.repeatOf.gapDays) : "",
    repeated_by_consultation: item.repeatedBy ? String(item.repeatedBy.consultationId) : "",
    repeated_by_gap_days: item.repeatedBy ? String(item.repeatedBy.gapDays) : "",
  };
  return memberPrescriptionCsvColumns.map((column) => cells[column]);
}
