// GET /api/consultations/changes — consultations changed since a cursor (the pages' live refresh)
import { requireApiPermission } from "@/lib/auth/caller";
import { getConsultationChanges } from "@/lib/data/consultation-changes";
import { errorResponse } from "@/lib/http-errors";
import { internalError, jsonResponse } from "@/lib/http-json";
import { parseChangesQuery } from "@/lib/schemas/changes-query";
import { consultationChangesDto } from "@/lib/schemas/consultation";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // The live refresh polls: not activity, so an unattended screen still times out.
  const guard = await requireApiPermission(request, "consultations:read", { activity: false });
  if (!guard.ok) return guard.response;
  const parsed = parseChangesQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
  try {
    return jsonResponse(consultationChangesDto, await getConsultationChanges(guard.caller, parsed.query.since ?? null, parsed.query.id));
  } catch (error) {
    return internalError("GET /api/consultations/changes", error);
  }
}
