// POST /api/webhooks — receive Altibbi events
import { errorResponse } from "@/lib/http-errors";
import { log } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { noteOutcome, withRequestLog } from "@/lib/observability/request-log";
import { receiveWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

export const POST = withRequestLog("POST /api/webhooks", async (request: Request) => {
  try {
    return await receiveWebhook(request);
  } catch (error) {
    // Only a fault of ours (the database is unreachable, say) gets here; the sender retries.
    log.error({ err: error }, "webhook: could not store the delivery");
    metrics.deliveries.inc({ outcome: "error", type: "unknown" });
    return noteOutcome(errorResponse(500, "internal_error", "The webhook could not be stored. Please retry."), "error");
  }
});
