// GET /api/metrics — Prometheus text format for this instance, for the bearer of CARE_DESK_METRICS_TOKEN
import { errorResponse } from "@/lib/http-errors";
import { internalError } from "@/lib/http-json";
import { metricsTokenMatches } from "@/lib/observability/metrics-token";
import { registerAppGauges } from "@/lib/observability/app-metrics";
import { metrics } from "@/lib/observability/metrics";
import { withRequestLog } from "@/lib/observability/request-log";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export const GET = withRequestLog("GET /api/metrics", async (request: Request) => {
  // Unset: there is nothing here (not even a hint that metrics exist).
  if (env.CARE_DESK_METRICS_TOKEN === undefined) return errorResponse(404, "not_found", "There is nothing at this address.");
  if (!metricsTokenMatches(request.headers.get("authorization"), env.CARE_DESK_METRICS_TOKEN)) {
    return errorResponse(401, "unauthorized", "Send Authorization: Bearer <CARE_DESK_METRICS_TOKEN>.", undefined, { "WWW-Authenticate": 'Bearer realm="metrics"' });
  }
  registerAppGauges();
  try {
    const body = await metrics.registry.metrics();
    return new Response(body, { status: 200, headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" } });
  } catch (error) {
    // A gauge read from the database failed (the database is away): the scrape fails visibly.
    return internalError("metrics: a gauge could not be read", error);
  }
}, { probe: true });
