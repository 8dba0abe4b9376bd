// GET /audit/export — the audit trail of the current filter as CSV (audit:read); the export is itself recorded.
import { requireApiPermission } from "@/lib/auth/caller";
import { auditCsvHeader, auditCsvRows } from "@/lib/audit/csv";
import { auditContextFrom, auditUnavailableResponse, recordBeforeShowing } from "@/lib/audit/record";
import { countAuditEvents, exportAuditEvents } from "@/lib/data/audit";
import { errorResponse } from "@/lib/http-errors";
import { internalError } from "@/lib/http-json";
import { csvAttachment } from "@/lib/http/csv-stream";
import { auditQueryParams, maxAuditExportRows, parseAuditQuery } from "@/lib/schemas/audit-query";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const guard = await requireApiPermission(request, "audit:read");
  if (!guard.ok) return guard.response;
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
  const query = { ...parsed.query, after: undefined, before: undefined };
  try {
    const { rows, upTo } = await countAuditEvents(guard.caller, query);
    if (rows > maxAuditExportRows) {
      return errorResponse(413, "too_many_rows", `This filter matches ${rows} events; an export holds at most ${maxAuditExportRows}. Narrow the filter (a date range, a user).`);
    }
    const recorded = await recordBeforeShowing(guard.caller, auditContextFrom(request.headers), {
      action: "audit.exported",
      detail: { query: auditQueryParams(query).toString(), rows },
    });
    if (!recorded) return auditUnavailableResponse();
    const caller = guard.caller;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          controller.enqueue(encoder.encode(auditCsvHeader()));
          for await (const batch of exportAuditEvents(caller, query, upTo, rows)) controller.enqueue(encoder.encode(auditCsvRows(batch)));
          controller.close();
        } catch (error) {
          console.error("GET /audit/export:", error);
          controller.error(error);
        }
      },
    });
    return csvAttachment(body, "care-desk-audit");
  } catch (error) {
    return internalError("GET /audit/export", error);
  }
}
