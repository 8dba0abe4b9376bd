// GET /api/consultations — the consultation list: filters, search, sort and keyset cursor, as on /consultations
import { auditContextFrom, auditUnavailableResponse, auditedListQuery, recordBeforeShowing } from "@/lib/audit/record";
import { requireApiPermission } from "@/lib/auth/caller";
import { listConsultations } from "@/lib/data/consultation-list";
import { errorResponse } from "@/lib/http-errors";
import { internalError, jsonResponse } from "@/lib/http-json";
import { consultationListDto } from "@/lib/schemas/consultation";
import { listQueryParams, parseListQuery } from "@/lib/schemas/consultation-query";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const guard = await requireApiPermission(request, "consultations:read");
  if (!guard.ok) return guard.response;
  const parsed = parseListQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
  try {
    const page = await listConsultations(guard.caller, parsed.query);
    const recorded = await recordBeforeShowing(guard.caller, auditContextFrom(request.headers), {
      action: "consultations.listed",
      detail: { via: "api", query: auditedListQuery(listQueryParams(parsed.query)), rows: page.items.length },
    });
    if (!recorded) return auditUnavailableResponse();
    return jsonResponse(consultationListDto, page);
  } catch (error) {
    return internalError("GET /api/consultations", error);
  }
}
