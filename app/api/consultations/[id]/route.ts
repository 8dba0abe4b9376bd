// GET /api/consultations/[id] — one consultation: summary, status timeline, every recommendation version
import { auditContextFrom, auditUnavailableResponse, recordBeforeShowing } from "@/lib/audit/record";
import { requireApiPermission } from "@/lib/auth/caller";
import { getConsultation } from "@/lib/data/consultation";
import { errorResponse } from "@/lib/http-errors";
import { internalError, jsonResponse } from "@/lib/http-json";
import { consultationDetailDto } from "@/lib/schemas/consultation";
import { parseConsultationId } from "@/lib/schemas/ids";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const guard = await requireApiPermission(request, "consultations:read");
  if (!guard.ok) return guard.response;
  const { id: text } = await context.params;
  const id = parseConsultationId(text);
  if (id === null) return errorResponse(400, "invalid_id", "A consultation id is a positive integer.");
  try {
    const detail = await getConsultation(guard.caller, id);
    if (!detail) return errorResponse(404, "not_found", `There is no consultation ${id}.`);
    // The API sends every version; the current one is what a reader sees first.
    const current = detail.recommendations.find((rec) => rec.current) ?? null;
    const recorded = await recordBeforeShowing(guard.caller, auditContextFrom(request.headers), {
      action: "consultation.viewed",
      consultationId: id,
      recommendationId: current?.id ?? null,
      detail: { via: "api", versions: detail.recommendations.length },
    });
    if (!recorded) return auditUnavailableResponse();
    return jsonResponse(consultationDetailDto, detail);
  } catch (error) {
    return internalError(`GET /api/consultations/${id}`, error);
  }
}
