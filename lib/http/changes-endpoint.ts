// The live refresh's "what changed since this cursor?" endpoints (GET /api/consultations/changes,
// GET /api/tasks/changes): one guard, one query, one answer shape. The polls are not activity, so
// an unattended screen still times out.
import "server-only";
import { requireApiPermission } from "../auth/caller";
import type { Caller } from "../auth/permissions";
import { errorResponse } from "../http-errors";
import { internalError, jsonResponse } from "../http-json";
import { parseChangesQuery, type ChangesQuery } from "../schemas/changes-query";
import { consultationChangesDto, type ConsultationChangesDto } from "../schemas/consultation";

type Options = {
  /** The route as logged when the read fails, e.g. "GET /api/tasks/changes". */
  route: string;
  /** Whether `id` (one consultation) is a parameter of this endpoint. */
  acceptsId: boolean;
  read: (caller: Caller, since: Date | null, id: ChangesQuery["id"]) => Promise<ConsultationChangesDto>;
};

export function changesEndpoint({ route, acceptsId, read }: Options) {
  return async function GET(request: Request): Promise<Response> {
    const guard = await requireApiPermission(request, "consultations:read", { activity: false });
    if (!guard.ok) return guard.response;
    const parsed = parseChangesQuery(new URL(request.url).searchParams);
    if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
    if (!acceptsId && parsed.query.id !== undefined) {
      return errorResponse(400, "invalid_query", "The query parameters are not valid.", [{ path: "id", message: "is not a parameter of this endpoint" }]);
    }
    try {
      return jsonResponse(consultationChangesDto, await read(guard.caller, parsed.query.since ?? null, parsed.query.id));
    } catch (error) {
      return internalError(route, error);
    }
  };
}
