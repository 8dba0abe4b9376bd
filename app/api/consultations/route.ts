// GET /api/consultations — the consultation list: filters, search, sort and keyset cursor, as on /consultations
import { requireApiPermission } from "@/lib/auth/caller";
import { listConsultations } from "@/lib/data/consultation-list";
import { errorResponse } from "@/lib/http-errors";
import { internalError, jsonResponse } from "@/lib/http-json";
import { consultationListDto } from "@/lib/schemas/consultation";
import { parseListQuery } from "@/lib/schemas/consultation-query";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const guard = await requireApiPermission(request, "consultations:read");
  if (!guard.ok) return guard.response;
  const parsed = parseListQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
  try {
    return jsonResponse(consultationListDto, await listConsultations(guard.caller, parsed.query));
  } catch (error) {
    return internalError("GET /api/consultations", error);
  }
}
