// The one error body every route answers with: { "error": { "code", "message", "issues"? } }.
export type ErrorIssue = { path: string; message: string };

export function errorResponse(status: number, code: string, message: string, issues?: ErrorIssue[]): Response {
  return Response.json(
    { error: { code, message, ...(issues ? { issues } : {}) } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
