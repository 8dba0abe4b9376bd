// GET /api/deliveries/changes — the newest webhook delivery ids (the deliveries page's live refresh)
import { requireApiPermission } from "@/lib/auth/caller";
import { getDeliveryChanges } from "@/lib/data/deliveries";
import { errorResponse } from "@/lib/http-errors";
import { internalError, jsonResponse } from "@/lib/http-json";
import { deliveryChangesDto } from "@/lib/schemas/delivery";
import { noParametersSchema, parseQueryWith } from "@/lib/schemas/query-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // The live refresh polls: not activity, so an unattended screen still times out.
  const guard = await requireApiPermission(request, "deliveries:read", { activity: false });
  if (!guard.ok) return guard.response;
  const parsed = parseQueryWith(noParametersSchema, new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, "invalid_query", "The query parameters are not valid.", parsed.issues);
  try {
    return jsonResponse(deliveryChangesDto, await getDeliveryChanges(guard.caller));
  } catch (error) {
    return internalError("GET /api/deliveries/changes", error);
  }
}
