// GET /api/consultations/[id] — one consultation: summary, status timeline, every recommendation version
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
    return jsonResponse(consultationDetailDto, detail);
  } catch (error) {
    return internalError(`GET /api/consultations/${id}`, error);
  }
}
