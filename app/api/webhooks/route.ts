// POST /api/webhooks — receive Altibbi events
import { errorResponse } from "@/lib/http-errors";
import { receiveWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    return await receiveWebhook(request);
  } catch (error) {
    // Only a fault of ours (the database is unreachable, say) gets here; the sender retries.
    console.error("webhook: could not store the delivery", error);
    return errorResponse(500, "internal_error", "The webhook could not be stored. Please retry.");
  }
}
