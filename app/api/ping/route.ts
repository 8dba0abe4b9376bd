// GET|POST /api/ping — liveness, no database
// A probe for load balancers and uptime checks that answers as soon as the process can serve a
// request. It never touches the database (GET /api/health does), so the benchmark also uses it
// as the ceiling: what a route handler costs in Next.js before any work of ours.

export const dynamic = "force-dynamic";

const answer = () => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });

export function GET() {
  return answer();
}

export function POST() {
  return answer();
}
