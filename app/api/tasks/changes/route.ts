// GET /api/tasks/changes — tasks created or changed since a cursor (the worklist's live refresh)
import { requireApiPermission } from "@/lib/auth/caller";
import { getTaskChanges } from "@/lib/data/tasks";
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
  if (parsed.query.id !== undefined) return errorResponse(400, "invalid_query", "The query parameters are not valid.", [{ path: "id", message: "is not a parameter of this endpoint" }]);
  try {
    return jsonResponse(consultationChangesDto, await getTaskChanges(guard.caller, parsed.query.since ?? null));
  } catch (error) {
    return internalError("GET /api/tasks/changes", error);
  }
}
