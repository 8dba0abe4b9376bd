// GET /api/ready — readiness for load balancers: 200 once migrations are applied and the database answers, 503 while not (or shedding load)
import { getReadiness } from "@/lib/data/readiness";
import { errorResponse } from "@/lib/http-errors";
import { noteOutcome, withRequestLog } from "@/lib/observability/request-log";
import { isSheddingLoad } from "@/lib/webhooks/ingest";

export const dynamic = "force-dynamic";

const messages = {
  database_unreachable: "The database does not answer.",
  migrations_pending: "The database schema is not current: run npm run db:migrate (npm start does).",
  shedding_load: "This instance is turning webhook deliveries away (its ingest queue is full): send traffic elsewhere for now.",
} as const;

export const GET = withRequestLog("GET /api/ready", async () => {
  const readiness = await getReadiness(isSheddingLoad());
  if (readiness.reason === "ok") return Response.json({ status: "ready" }, { headers: { "Cache-Control": "no-store" } });
  return noteOutcome(errorResponse(503, "not_ready", messages[readiness.reason], undefined, { "Retry-After": "5" }), readiness.reason);
}, { probe: true });
