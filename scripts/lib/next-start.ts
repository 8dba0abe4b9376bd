// The Node arguments that start `next start` with the HTTP timeouts of ./http-timeouts.mjs
// (used by npm start, the end-to-end server and the tests that start the production build).
import path from "node:path";
import { pathToFileURL } from "node:url";

const preload = pathToFileURL(path.join(import.meta.dirname, "http-timeouts.mjs")).href;

/** Node's arguments before the script: preload the timeouts. */
export const nextStartNodeArgs = ["--import", preload];

/** Keep-alive connections idle longer than this are closed (`next start --keepAliveTimeout`). */
export const keepAliveTimeoutMs = 5_000;
export const nextStartArgs = ["--keepAliveTimeout", String(keepAliveTimeoutMs)];
