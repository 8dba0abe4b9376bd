// GET /api/tasks/export — the worklist of the given filters as CSV (export permission)
import { auditContextFrom, auditUnavailableResponse, auditedListQuery, recordBeforeShowing } from "@/lib/audit/record";
import { requireApiPermission } from "@/lib/auth/caller";
import { countWorklist, exportWorklist } from "@/lib/data/tasks";
import { errorResponse } from "@/lib/http-errors";
import { internalError } from "@/lib/http-json";
import { csvAttachment, csvStream } from "@/lib/http/csv-stream";
import { taskCsvColumns, taskCsvRecord } from "@/lib/present/task-csv";
import { parseWorklistQuery, worklistParams } from "@/lib/schemas/task";
import { viewerTimeZoneFrom } from "@/lib/viewer-time-zone";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const guard = await requireApiPermission(request, "export");
  if (!guard.ok) return guard.response;
  const params = new URL(request.url).searchParams;
  // `tz` (the viewer's zone for the *_local column) is the export's own; the rest is the worklist's query.
  const tz = params.get("tz");
  params.delete("tz");
  const parsed = parseWorklistQuery(params);
  if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
  const caller = guard.caller;
  const query = { ...parsed.query, after: undefined };
  const timeZone = viewerTimeZoneFrom(request.headers, tz ?? "UTC");
  const now = new Date();
  try {
    // Fail closed: the event (filters and the rows matched now) is committed before the first byte,
    // and the stream never sends more rows than recorded.
    const rows = await countWorklist(caller, query, now);
    const recorded = await recordBeforeShowing(caller, auditContextFrom(request.headers), {
      action: "export.downloaded",
      detail: { query: auditedListQuery(worklistParams(query)), rows, format: "csv", export: "tasks" },
    });
    if (!recorded) return auditUnavailableResponse();
    const batches = async function* () {
      for await (const batch of exportWorklist(caller, query, now, { upTo: rows })) yield batch.map((task) => taskCsvRecord(task, timeZone));
    };
    const body = csvStream(taskCsvColumns, batches(), (error) => console.error("GET /api/tasks/export: the download was cut off:", error));
    return csvAttachment(body, "care-desk-worklist");
  } catch (error) {
    return internalError("GET /api/tasks/export", error);
  }
}
