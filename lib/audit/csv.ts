// The /audit CSV export's rows: one line per event, and no cell a spreadsheet would run as a
// formula (cells starting with = + - @ tab or CR get a leading ').
import { stringify } from "csv-stringify/sync";
import type { AuditEventDto } from "../schemas/audit-query";

export const auditCsvColumns = [
  "seq", "at", "actorKind", "actorId", "actorLabel", "role", "ip", "userAgent", "action", "outcome",
  "consultationId", "recommendationId", "deliveryId", "subjectUserId", "subjectTokenId", "detail",
] as const satisfies readonly (keyof AuditEventDto)[];

/** A cell text a spreadsheet shows as text, never evaluates. */
export function safeCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export const auditCsvHeader = (): string => stringify([auditCsvColumns as readonly string[]]);

export const auditCsvRows = (events: AuditEventDto[]): string => stringify(events.map((event) => auditCsvColumns.map((column) => safeCell(event[column]))));
