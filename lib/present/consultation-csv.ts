// The consultation export's columns (documented in docs/api.md): one row per consultation, ids as
// text, every time twice (UTC ISO 8601 and the viewer's zone), the current recommendation's
// ICD-10 entries and drugs joined with "; ". Payload text is written as sent; the formula rule
// (lib/csv.ts) is applied when the rows are written.
import type { ExportedConsultation } from "../data/consultation-export";
import { formatIsoInZone } from "../time/format";

export const consultationCsvColumns = [
  "consultation_id",
  "member_id",
  "insurance_id",
  "policy_number",
  "status",
  "status_since_utc",
  "status_since_local",
  "first_seen_utc",
  "first_seen_local",
  "last_event_utc",
  "last_event_local",
  "updated_utc",
  "updated_local",
  "time_zone",
  "recommendation",
  "diagnoses",
  "drug_count",
  "drugs",
] as const;

export type ConsultationCsvColumn = (typeof consultationCsvColumns)[number];

const joined = (values: string[]) => values.join("; ");

/** "B66.3 Fascioliasis", "R50.9 Fever (symptom)"; a blank code or name is left out. */
function icd10Entry(entry: ExportedConsultation["icd10"][number]): string {
  const label = [entry.code, entry.name].filter((part): part is string => part !== null && part.trim() !== "").join(" ");
  return entry.kind === "symptom" ? `${label} (symptom)` : label;
}

/** One consultation as its CSV cells, in column order. */
export function consultationCsvRecord(row: ExportedConsultation, timeZone: string): string[] {
  const local = (iso: string | null | undefined) => (iso ? formatIsoInZone(new Date(iso), timeZone) : "");
  const cells: Record<ConsultationCsvColumn, string> = {
    consultation_id: String(row.id),
    member_id: row.userId ?? "",
    insurance_id: row.insuranceId ?? "",
    policy_number: row.policyNumber ?? "",
    status: row.status ?? "",
    status_since_utc: row.statusSince?.utc ?? "",
    status_since_local: local(row.statusSince?.utc),
    first_seen_utc: row.firstSeenAt,
    first_seen_local: local(row.firstSeenAt),
    last_event_utc: row.lastEventTime.utc,
    last_event_local: local(row.lastEventTime.utc),
    updated_utc: row.updatedAt,
    updated_local: local(row.updatedAt),
    time_zone: timeZone,
    recommendation: row.diagnosis === null ? "no" : "yes",
    diagnoses: joined(row.icd10.map(icd10Entry).filter((entry) => entry !== "")),
    drug_count: row.drugCount === null ? "" : String(row.drugCount),
    drugs: joined(row.drugs.filter((name): name is string => name !== null && name.trim() !== "")),
  };
  return consultationCsvColumns.map((column) => cells[column]);
}
