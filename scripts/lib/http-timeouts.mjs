// Preloaded into `next start` (node --import, see scripts/lib/next-start.ts): gives every HTTP
// server the process creates sensible timeouts, and puts the webhook front gate (which receives
// webhooks) in front of it. `next start` itself only takes --keepAliveTimeout; Node's own
// defaults let a client take 60 s to send its headers and 5 min to send its request, so that a
// few slow clients could hold many connections open.
import http from "node:http";

/** The whole request line and headers must arrive within this time (then 408, connection closed). */
export const headersTimeoutMs = 10_000;
/**
 * The whole request, body included, must arrive within this time (then 408): the bound for every
 * route. A webhook's body has the handler's own, shorter deadline (10 s, lib/webhooks/receive.ts),
 * which the receiver in front of Next.js keeps.
 */
export const requestTimeoutMs = 15_000;
/** How often Node checks those two timeouts (its default, 30 s, would let them run twice as long). */
export const connectionsCheckingIntervalMs = 1_000;

const timeouts = { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, connectionsCheckingInterval: connectionsCheckingIntervalMs };

// lib/webhooks/front-gate.ts, once instrumentation.ts has put it here: it answers POST
// /api/webhooks (a blocked client's with 429, any other with the webhook handler) before Next.js
// sees it, and hands every other request on.
const frontGateKey = Symbol.for("care-desk.front-gate");

/** `listener`, behind the front gate. */
function gated(listener) {
  if (typeof listener !== "function") return listener;
  return function gatedListener(request, response) {
    const gate = globalThis[frontGateKey];
    let decided = false;
    try {
      decided = gate ? gate(request, response) : false;
    } catch {
      decided = false;
    }
    if (decided === false) return listener.call(this, request, response);
    decided.then(
      (answered) => answered || listener.call(this, request, response),
      () => listener.call(this, request, response),
    );
  };
}

const createServer = http.createServer;
http.createServer = function createServerWithTimeouts(options, listener) {
  // Next calls createServer(listener); the timeouts are constructor options.
  return typeof options === "function" || options === undefined
    ? createServer.call(this, timeouts, gated(options))
    : createServer.call(this, { ...timeouts, ...options }, gated(listener));
};
