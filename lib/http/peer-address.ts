// The TCP peer's address, for code that only sees a request's headers (proxy.ts, route handlers).
//
// Why a stamped header: under `next start` neither proxy.ts nor a route handler can see the
// socket. Next's server sets `x-forwarded-for ??= socket.remoteAddress` (base-server.js), so a
// client that sends its own X-Forwarded-For replaces its address with any text it likes. Node
// publishes every incoming request on the `http.server.request.start` diagnostics channel
// before any handler runs; instrumentation.ts subscribes here and overwrites `peerAddressHeader`
// with the socket's address, so a client-sent value never survives. The flag on globalThis
// (shared by every bundle in the process) tells readers that the stamping is active: without
// it the header is ignored, because it could only have come from the client.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const peerAddressHeader = "x-care-desk-peer-address";

const activeFlag = Symbol.for("care-desk.peer-address-stamping");
type FlagHolder = { [activeFlag]?: true };

function stampPeerAddress(message: unknown) {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  request.headers[peerAddressHeader] = socket.remoteAddress ?? "";
}

/** Starts stamping every incoming HTTP request of this process (idempotent). */
export function startStampingPeerAddress(): void {
  const holder = globalThis as FlagHolder;
  if (holder[activeFlag]) return;
  subscribe("http.server.request.start", stampPeerAddress);
  holder[activeFlag] = true;
}

/** The socket's address as stamped, or null when stamping is not active or the socket had none. */
export function peerAddressFrom(headers: Headers): string | null {
  if (!(globalThis as FlagHolder)[activeFlag]) return null;
  return headers.get(peerAddressHeader) || null;
}
