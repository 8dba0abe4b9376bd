// GET /api/health — ok or degraded for anyone; database kind, migration state and version for an admin
import { callerFromRequest } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { getHealth } from "@/lib/data/health";
import { withRequestLog } from "@/lib/observability/request-log";

export const dynamic = "force-dynamic";

export const GET = withRequestLog("GET /api/health", async (request: Request) => {
  const health = await getHealth();
  // Anonymous callers (load balancers, uptime checks) learn only whether it works.
  const caller = request.headers.has("authorization") || request.headers.has("cookie") ? await callerFromRequest(request).catch(() => null) : null;
  const detailed = caller !== null && hasPermission(caller.role, "health:details");
  return Response.json(detailed ? health : { status: health.status }, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}, { probe: true });
