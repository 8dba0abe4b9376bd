// GET /api/health — database kind, migration state and app version (never a secret or a URL)
import { getHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
