// JSON answers of the read API: validated against their outgoing schema, never cached.
import type { z } from "zod";
import { PermissionDeniedError } from "./auth/permissions";
import { errorResponse } from "./http-errors";
import { log } from "./observability/log";

export function jsonResponse<T extends z.ZodType>(schema: T, body: z.input<T>): Response {
  return Response.json(schema.parse(body), { headers: { "Cache-Control": "no-store" } });
}

/**
 * Logs an unexpected failure with its context and answers a generic 500 (no details leak). A
 * permission lib/data refused (a route whose own guard is missing or too wide) is a 403, as the
 * guard would have answered: deny by default holds even where a guard was forgotten.
 */
export function internalError(context: string, error: unknown): Response {
  if (error instanceof PermissionDeniedError) {
    log.warn({ context, permission: error.permission }, "lib/data refused a permission the route's guard let through");
    return errorResponse(403, "forbidden", error.message);
  }
  log.error({ err: error, context }, "unexpected failure");
  return errorResponse(500, "internal_error", "Something went wrong on our side. Please retry.");
}
