// One JSON log line per request for the route handlers wrapped here: a request id (the caller's
// X-Request-Id when it is a sane token, else a new UUID, echoed back), the route, the method,
// the status, an outcome and the duration. Never a header value or a body.
import "server-only";
import { randomUUID } from "node:crypto";
import { log } from "./log";

const outcomes = new WeakMap<Response, string>();

/** Names the outcome of a request in its log line (e.g. a webhook's processed / duplicate / rejected). */
export function noteOutcome(response: Response, outcome: string): Response {
  outcomes.set(response, outcome);
  return response;
}

const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given !== null && saneRequestId.test(given) ? given : randomUUID();
}

const outcomeOfStatus = (status: number) => (status < 400 ? "ok" : status < 500 ? "refused" : "error");
const millis = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/**
 * Wraps a route handler so that each request it answers is one log line. `probe`: a route that
 * load balancers and scrapers call every few seconds logs its 2xx answers at debug level only.
 */
export function withRequestLog<A extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: A) => Promise<Response> | Response,
  { probe = false }: { probe?: boolean } = {},
) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const line = { requestId, route, method: request.method };
    try {
      const response = await handler(request, ...rest);
      const status = response.status;
      const entry = { ...line, status, outcome: outcomes.get(response) ?? outcomeOfStatus(status), durationMs: millis(started) };
      if (status >= 500) log.error(entry, "request");
      else if (probe && status < 300) log.debug(entry, "request");
      else log.info(entry, "request");
      try {
        response.headers.set("X-Request-Id", requestId);
      } catch {
        // a response with immutable headers keeps them
      }
      return response;
    } catch (error) {
      log.error({ ...line, status: 500, outcome: "error", durationMs: millis(started), err: error }, "request failed");
      throw error;
    }
  };
}
