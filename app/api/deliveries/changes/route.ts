// GET /api/deliveries/changes — the newest webhook delivery ids (the deliveries page's live refresh)
import { getDeliveryChanges } from "@/lib/data/deliveries";
import { internalError, jsonResponse } from "@/lib/http-json";
import { deliveryChangesDto } from "@/lib/schemas/delivery";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return jsonResponse(deliveryChangesDto, await getDeliveryChanges());
  } catch (error) {
    return internalError("GET /api/deliveries/changes", error);
  }
}
