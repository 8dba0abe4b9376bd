// Webhooks received in front of Next.js. Under `next start`, scripts/lib/http-timeouts.mjs puts
// ./front-gate.ts before Next.js's request listener; for POST /api/webhooks the gate hands the
// raw Node request here, and it is answered by the same handler as the route
// (./handle.ts: authenticate, read, verify, parse, validate, store, answer) with what proxy.ts
// would have done around it: the Host allowlist and the security headers
// (lib/http/response-security.ts). Next.js's routing, its proxy and its Request and Response
// wrapping cost about 3 ms of CPU a request, most of what a delivery cost (docs/performance.md,
// "Ingest in front of Next.js"); here they are skipped.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { misdirectedAnswer, responseSecurityFor } from "../http/response-security";
import { staticHeaders } from "../http/static-headers";
import { log } from "../observability/log";
import { couldNotStore, handleWebhook } from "./handle";

/** Writes a Fetch Response to Node's response; a request whose body was not read to its end gets its connection closed. */
async function send(request: IncomingMessage, response: ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  if (response.destroyed) return;
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  // What next.config.ts would have added (the answer's own headers win, as they do there).
  for (const { key, value } of staticHeaders) headers[key.toLowerCase()] ??= value;
  headers["content-length"] = String(body.byteLength);
  // Refused before its body was read (too large, unauthenticated, too slow): the rest of the body
  // would be the next request's bytes on a kept-alive connection, so the connection ends here.
  if (!request.complete) {
    response.shouldKeepAlive = false;
    headers.connection = "close";
  }
  response.writeHead(answer.status, headers).end(body);
}

/**
 * Answers one POST /api/webhooks from the raw Node request. `headers` are its headers as a
 * Fetch Headers (the gate made them). Never rejects: a fault of ours is answered 500 and logged.
 */
export async function receiveInFront(request: IncomingMessage, response: ServerResponse, headers: Headers): Promise<true> {
  const url = new URL(request.url ?? "/api/webhooks", "http://localhost");
  const { secure } = responseSecurityFor(url.pathname, url.searchParams);
  try {
    const misdirected = misdirectedAnswer(headers, url.pathname);
    const answer =
      misdirected ??
      (await handleWebhook(
        new Request(url, { method: "POST", headers, body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: "half" } as RequestInit),
      ));
    await send(request, response, secure(answer));
  } catch (error) {
    log.error({ err: error }, "webhook: the receiver in front of Next.js failed");
    if (!response.headersSent && !response.destroyed) await send(request, response, secure(couldNotStore()));
    else response.destroy();
  }
  return true;
}
