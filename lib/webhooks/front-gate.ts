// Webhooks in front of Next.js: under `next start`, every POST to /api/webhooks is answered from
// the raw Node request before Next.js routes it. First the route's first refusal: a client that
// has used up its failed authentications (./auth-rate-limit.ts) is answered 429 here, so a
// stranger's flood costs a map lookup per request instead of a framework request, and genuine
// deliveries keep the CPU (npm run bench, "flooded ingest"). Every other webhook is received by
// ./front-receiver.ts, with the route's own handler.
//
// The gate refuses only what the route would refuse the same way: a request that a header
// authenticates (a valid Bearer or Basic credential) goes on to the handler whatever its address,
// and so does the one refusal per address per minute that the handler records in the inbox
// (./refusal-sampler.ts). Every other request goes to Next.js untouched.
//
// A blocked client's 429 is held for `refusalHold.ms` before it is sent (a tarpit): a client that
// ignores Retry-After and sends again at once then gets one answer a second per connection, not
// thousands, so a flood cannot take the event loop from genuine deliveries even at a map lookup
// each. At most `refusalHold.max` refusals are held at a time; beyond that a refusal is sent at
// once and its connection closed, so held sockets stay bounded.
// scripts/lib/http-timeouts.mjs calls it, through globalThis, which instrumentation.ts sets.
import type { IncomingMessage, ServerResponse } from "node:http";
import { allowUnauthenticatedWebhooks, webhookAuth } from "../env";
import { clientIpFrom } from "../http/client-ip";
import { metrics, typeLabel } from "../observability/metrics";
import { blockedForSeconds, tooManyFailures } from "./auth-rate-limit";
import { authenticateHeaders } from "./authenticate";
import { receiveInFront } from "./front-receiver";
import { refusalWouldBeRecorded, sampleRefusal } from "./refusal-sampler";

export const webhookPath = "/api/webhooks";

/** Where instrumentation.ts puts the gate for scripts/lib/http-timeouts.mjs (the same key there). */
export const frontGateKey = Symbol.for("care-desk.front-gate");

type Gate = (request: IncomingMessage, response: ServerResponse) => false | Promise<boolean>;

/**
 * Hands the gate to the HTTP server wrapper; a process without the wrapper (next dev) never calls
 * it. `receive: false` leaves every webhook the gate does not refuse to the server's own listener
 * (the gate's tests put a stand-in app there).
 */
export function installFrontGate({ receive = true }: { receive?: boolean } = {}): void {
  const gate: Gate = (request, response) => {
    if (!isWebhookPost(request)) return false;
    const headers = toHeaders(request);
    return decide(headers, response).then((answered) => answered || (receive && receiveInFront(request, response, headers)));
  };
  (globalThis as { [frontGateKey]?: Gate })[frontGateKey] = gate;
}

const isWebhookPost = (request: IncomingMessage) => request.method === "POST" && (request.url === webhookPath || request.url?.startsWith(`${webhookPath}?`) === true);

/** Node's request headers as a Fetch Headers (repeated headers joined, as Next.js does). */
function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** How long a blocked client's refusal is held, and how many are held at most (tests lower them). */
export const refusalHold = { ms: 1000, max: 1024 };
let held = 0;

/** Refusals waiting to be sent (for tests and the metrics' curious). */
export function heldRefusals(): number {
  return held;
}

function send(response: ServerResponse, status: number, headers: Record<string, string | number>, body: string): void {
  if (!response.destroyed) response.writeHead(status, headers).end(body);
}

/** Sends the refusal after the hold, or at once with the connection closed when too many are held. */
function holdThenSend(response: ServerResponse, status: number, headers: Record<string, string | number>, body: string): void {
  if (held >= refusalHold.max) {
    response.shouldKeepAlive = false;
    send(response, status, { ...headers, Connection: "close" }, body);
    return;
  }
  held += 1;
  const release = () => {
    clearTimeout(timer);
    response.off("close", release);
    held -= 1;
  };
  const timer = setTimeout(() => {
    release();
    send(response, status, headers, body);
  }, refusalHold.ms);
  // A client that hangs up while held frees its place at once.
  response.on("close", release);
}

/** Answers a blocked client's webhook (resolves true), else resolves false. */
async function decide(headers: Headers, response: ServerResponse): Promise<boolean> {
  const clientIp = clientIpFrom(headers);
  const wait = await blockedForSeconds(clientIp);
  if (wait === null) return false;
  // The stored signing secret is not needed here: a signature can only be checked with the body.
  if (authenticateHeaders(headers, webhookAuth, allowUnauthenticatedWebhooks).ok === true) return false;
  if (refusalWouldBeRecorded(clientIp)) return false;
  sampleRefusal(clientIp);
  metrics.deliveries.inc({ outcome: "unauthorized", type: typeLabel(null) });
  const refusal = tooManyFailures(wait);
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  holdThenSend(
    response,
    refusal.status,
    {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...refusal.headers,
    },
    body,
  );
  return true;
}
