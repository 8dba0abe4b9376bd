// GET /deliveries/[id]/body — one delivery's whole raw body, byte for byte, as a download
import { getDeliveryBody } from "@/lib/data/deliveries";
import { errorResponse } from "@/lib/http-errors";
import { internalError } from "@/lib/http-json";
import { parseDeliveryId } from "@/lib/schemas/ids";

export const dynamic = "force-dynamic";

// The same access as /deliveries/[id]: when sign-in lands, the check that page makes is made here first too.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const id = parseDeliveryId((await context.params).id);
  if (id === null) return errorResponse(404, "not_found", "There is no such delivery.");
  try {
    const body = await getDeliveryBody(id);
    if (body === null) return errorResponse(404, "not_found", `Delivery ${id} has no stored body.`);
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
