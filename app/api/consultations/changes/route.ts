// GET /api/consultations/changes — consultations changed since a cursor (the pages' live refresh)
import { requireApiPermission } from "@/lib/auth/caller";
import { getConsultationChanges } from "@/lib/data/consultation-changes";
import { errorResponse } from "@/lib/http-errors";
import { internalError, jsonResponse } from "@/lib/http-json";
import { consultationChangesDto } from "@/lib/schemas/consultation";
import { parseConsultationId } from "@/lib/schemas/consultation-query";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // The live refresh polls: not activity, so an unattended screen still times out.
  const guard = await requireApiPermission(request, "consultations:read", { activity: false });
  if (!guard.ok) return guard.response;
  const params = new URL(request.url).searchParams;
  const sinceText = params.get("since");
  const since = sinceText ? new Date(sinceText) : null;
  if (sinceText && (Number.isNaN(since!.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(sinceText))) {
    return errorResponse(400, "invalid_query", "since must be a cursor returned by this endpoint (an ISO 8601 time).", [
      { path: "since", message: "is not an ISO 8601 time" },
    ]);
  }
  const idText = params.get("id");
  const id = idText === null ? undefined : parseConsultationId(idText);
  if (id === null) {
    return errorResponse(400, "invalid_query", "id must be a consultation id.", [{ path: "id", message: "is not a positive integer" }]);
  }
  try {
    return jsonResponse(consultationChangesDto, await getConsultationChanges(guard.caller, since, id));
  } catch (error) {
    return internalError("GET /api/consultations/changes", error);
  }
}
