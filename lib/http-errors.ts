// The one error body every route answers with: { "error": { "code", "message", "issues"? } }.
import type { Issue } from "./schemas/issues";

export function errorResponse(status: number, code: string, message: string, issues?: Issue[], headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code, message, ...(issues ? { issues } : {}) } },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}
