// The webhook receiver in front of Next.js (lib/webhooks/front-receiver.ts) on a real HTTP server
// in the test's process, wired as under `next start`: scripts/lib/http-timeouts.mjs wraps the
// server's listener in the front gate, and a stand-in for Next.js behind it answers whatever
// the gate hands on (recorded in `reached`). Started on first use.
import http from "node:http";
import type { AddressInfo } from "node:net";
import "../../scripts/lib/http-timeouts.mjs";
import { installFrontGate } from "@/lib/webhooks/front-gate";
import type { WebhookTarget } from "./webhooks";

export type FrontReceiver = WebhookTarget & {
  /** "METHOD /path" of each request that reached the stand-in for Next.js. */
  reached: string[];
  /** The server's base URL (starting it if need be). */
  baseUrl: () => Promise<string>;
  close: () => Promise<void>;
};

export function frontReceiver(): FrontReceiver {
  const reached: string[] = [];
  let server: http.Server | undefined;
  let started: Promise<string> | undefined;
  const baseUrl = () =>
    (started ??= new Promise<string>((resolve) => {
      installFrontGate();
      server = http.createServer((request, response) => {
        reached.push(`${request.method} ${request.url}`);
        response.writeHead(404, { "content-type": "application/json" }).end('{"reached":"next"}');
      });
      server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`));
    }));
  return {
    url: "http://localhost/api/webhooks",
    reached,
    baseUrl,
    // The request's bytes are sent with their length: over HTTP as Altibbi sends them.
    receive: async (request) => {
      const { pathname, search } = new URL(request.url);
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
      return fetch(`${await baseUrl()}${pathname}${search}`, { method: request.method, headers: request.headers, body });
    },
    close: async () => {
      if (server) await new Promise((resolve) => server!.close(resolve));
    },
  };
}
