// JSON answers of the read API: validated against their outgoing schema, never cached.
import type { z } from "zod";
import { errorResponse } from "./http-errors";
import { log } from "./observability/log";

export function jsonResponse<T extends z.ZodType>(schema: T, body: z.input<T>): Response {
  return Response.json(schema.parse(body), { headers: { "Cache-Control": "no-store" } });
}

/** Logs an unexpected failure with its context and answers a generic 500 (no details leak). */
export function internalError(context: string, error: unknown): Response {
  log.error({ err: error, context }, "unexpected failure");
  return errorResponse(500, "internal_error", "Something went wrong on our side. Please retry.");
}
