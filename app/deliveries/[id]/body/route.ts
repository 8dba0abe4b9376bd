// GET /deliveries/[id]/body — one delivery's whole raw body, byte for byte, as a download
import { auditContextFrom, auditUnavailableResponse, recordBeforeShowing } from "@/lib/audit/record";
import { requireApiPermission } from "@/lib/auth/caller";
import { getDeliveryBody } from "@/lib/data/deliveries";
import { errorResponse } from "@/lib/http-errors";
import { internalError } from "@/lib/http-json";
import { parseDeliveryId } from "@/lib/schemas/ids";

export const dynamic = "force-dynamic";

// The same access as /deliveries/[id] (admins): checked before the id, so nobody else learns which exist.
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const guard = await requireApiPermission(request, "deliveries:read");
  if (!guard.ok) return guard.response;
  const id = parseDeliveryId((await context.params).id);
  if (id === null) return errorResponse(404, "not_found", "There is no such delivery.");
  try {
    const body = await getDeliveryBody(guard.caller, id);
    if (body === null) return errorResponse(404, "not_found", `Delivery ${id} has no stored body.`);
    const recorded = await recordBeforeShowing(guard.caller, auditContextFrom(request.headers), {
      action: "delivery.body_viewed",
      deliveryId: id,
      detail: { via: "download", bytes: Buffer.byteLength(body) },
    });
    if (!recorded) return auditUnavailableResponse();
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="delivery-${id}.json"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return internalError(`GET /deliveries/${id}/body`, error);
  }
}
