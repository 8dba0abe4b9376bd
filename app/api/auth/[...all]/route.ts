// GET|POST /api/auth/* — better-auth's HTTP endpoints, only those in publicAuthPaths (sign-in, sign-out)
import { getAuth, publicAuthPaths } from "@/lib/auth/auth";
import { errorResponse } from "@/lib/http-errors";

export const dynamic = "force-dynamic";

// Everything else better-auth offers (admin endpoints, session listing, …) is used server-side
// only, behind lib/auth/caller's checks: over HTTP it does not exist.
async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  if (!publicAuthPaths.includes(path)) return errorResponse(404, "not_found", "There is no such endpoint.");
  const auth = await getAuth();
  return auth.handler(request);
}

export const GET = handle;
export const POST = handle;
