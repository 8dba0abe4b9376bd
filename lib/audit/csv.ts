// The /audit CSV export's rows: one line per event, and no cell a spreadsheet would run as a
// formula (lib/csv.ts: cells starting with = + - @ tab or CR get a leading ').
import { stringify } from "csv-stringify/sync";
import { csvCell, safeCsvOptions } from "../csv";
import type { AuditEventDto } from "../schemas/audit-query";

export const auditCsvColumns = [
  "seq", "at", "actorKind", "actorId", "actorLabel", "role", "ip", "userAgent", "action", "outcome",
  "consultationId", "recommendationId", "deliveryId", "subjectUserId", "subjectTokenId", "detail",
] as const satisfies readonly (keyof AuditEventDto)[];

export const auditCsvHeader = (): string => stringify([auditCsvColumns as readonly string[]], safeCsvOptions);

export const auditCsvRows = (events: AuditEventDto[]): string =>
  stringify(events.map((event) => auditCsvColumns.map((column) => csvCell(event[column]))), safeCsvOptions);
