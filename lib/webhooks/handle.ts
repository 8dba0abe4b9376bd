// POST /api/webhooks as one function from a Fetch Request to its answer, with its log line: the
// route handler (app/api/webhooks/route.ts, which `next dev` serves) and the receiver in front of
// Next.js (./front-receiver.ts, under `next start`) both answer with it.
import "server-only";
import { errorResponse } from "../http-errors";
import { log } from "../observability/log";
import { metrics } from "../observability/metrics";
import { noteOutcome, withRequestLog } from "../observability/request-log";
import { receiveWebhook } from "./receive";

/** The answer when a delivery could not be stored through a fault of ours: the sender retries. */
export const couldNotStore = () => errorResponse(500, "internal_error", "The webhook could not be stored. Please retry.");

export const handleWebhook = withRequestLog("POST /api/webhooks", async (request: Request) => {
  try {
    return await receiveWebhook(request);
  } catch (error) {
    // Only a fault of ours (the database is unreachable, say) gets here; the sender retries.
    log.error({ err: error }, "webhook: could not store the delivery");
    metrics.deliveries.inc({ outcome: "error", type: "unknown" });
    return noteOutcome(couldNotStore(), "error");
  }
});
