// GET /api/consultations/export — the consultation list of the given filters and search as CSV (export permission)
import { auditContextFrom, auditUnavailableResponse, auditedListQuery, recordBeforeShowing } from "@/lib/audit/record";
import { requireApiPermission } from "@/lib/auth/caller";
import { countExportRows, exportConsultations, exportQuery } from "@/lib/data/consultation-export";
import { errorResponse } from "@/lib/http-errors";
import { internalError } from "@/lib/http-json";
import { csvHeaders, exportLocaleOf } from "@/lib/i18n/csv-headers";
import { csvAttachment, csvStream } from "@/lib/http/csv-stream";
import { consultationCsvColumns, consultationCsvRecord } from "@/lib/present/consultation-csv";
import { listQueryParams, parseListQuery } from "@/lib/schemas/consultation-query";
import { viewerTimeZoneFrom } from "@/lib/viewer-time-zone";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const guard = await requireApiPermission(request, "export");
  if (!guard.ok) return guard.response;
  const parsed = parseListQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
  const caller = guard.caller;
  const query = exportQuery(parsed.query);
  const timeZone = viewerTimeZoneFrom(request.headers, query.timeZone);
  try {
    // Fail closed: the event (filters and the rows matched now) is committed before the first
    // byte. The stream never sends more rows than recorded (docs/api.md, "Export").
    const rows = await countExportRows(caller, query);
    const recorded = await recordBeforeShowing(caller, auditContextFrom(request.headers), {
      action: "export.downloaded",
      detail: { query: auditedListQuery(listQueryParams(query)), rows, format: "csv" },
    });
    if (!recorded) return auditUnavailableResponse();
    const batches = async function* () {
      for await (const batch of exportConsultations(caller, query, { upTo: rows })) yield batch.map((row) => consultationCsvRecord(row, timeZone));
    };
    const headerRow = await csvHeaders("consultation", consultationCsvColumns, exportLocaleOf(request, caller));
    const body = csvStream(headerRow, batches(), (error) => console.error("GET /api/consultations/export: the download was cut off:", error));
    return csvAttachment(body, "care-desk-consultations");
  } catch (error) {
    return internalError("GET /api/consultations/export", error);
  }
}
