// The front gate (lib/webhooks/front-gate.ts) in front of a real HTTP server, wired as under
// `next start` (scripts/lib/http-timeouts.mjs wraps every server's listener): a blocked
// client's webhook is answered 429 before the app sees it, except the one refusal per minute the
// route records; everything else reaches the app.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../../scripts/lib/http-timeouts.mjs";
import { authFailuresPerWindow, countAuthFailure } from "@/lib/webhooks/auth-rate-limit";
import { heldRefusals, installFrontGate, refusalHold } from "@/lib/webhooks/front-gate";
import { sampleRefusal } from "@/lib/webhooks/refusal-sampler";

// Loopback addresses of their own, so no other test's client shares their counters.
const blocked = "127.0.0.23";
const other = "127.0.0.24";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

describe("the webhook front gate", () => {
  let server: http.Server;
  let port = 0;
  const reached: string[] = [];

  beforeAll(async () => {
    installFrontGate({ receive: false });
    server = http.createServer((request, response) => {
      reached.push(`${request.method} ${request.url} ${request.socket.remoteAddress}`);
      response.writeHead(200, { "content-type": "application/json" }).end('{"app":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (from: string, method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method, path, localAddress: from, headers: { "content-type": "application/json", ...headers } }, (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      });
      request.on("error", reject);
      request.end(method === "POST" ? '{"type":"status_update"}' : undefined);
    });

  it("lets a client through until it has used up its failures", async () => {
    expect((await send(blocked, "POST", "/api/webhooks")).status).toBe(200);
    expect(reached).toEqual([`POST /api/webhooks ${blocked}`]);
  });

  it("then hands the app only the refusal it records, and answers the rest itself with 429", async () => {
    for (let failure = 0; failure <= authFailuresPerWindow; failure++) await countAuthFailure(blocked);
    reached.length = 0;

    // The first refusal of the minute is the route's to record in the inbox.
    expect((await send(blocked, "POST", "/api/webhooks")).status).toBe(200);
    expect(reached).toHaveLength(1);
    sampleRefusal(blocked); // what the route did with it

    const answer = await send(blocked, "POST", "/api/webhooks?x=1", { "webhook-id": "msg_1", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA" });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "too_many_failed_authentications", message: expect.stringMatching(/Retry after \d+ seconds/) } });
    expect(reached).toHaveLength(1);
  });

  it("holds a blocked client's refusal before sending it, and frees the place when the client hangs up", async () => {
    const started = performance.now();
    const answer = await send(blocked, "POST", "/api/webhooks");
    expect(answer.status).toBe(429);
    // A lower bound only: the hold is what keeps a flood to one answer per connection and hold.
    expect(performance.now() - started).toBeGreaterThanOrEqual(refusalHold.ms - 50);
    expect(answer.headers.connection).not.toBe("close");

    const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/webhooks", localAddress: blocked });
    request.on("error", () => {});
    request.end("{}");
    await expect.poll(heldRefusals, { timeout: 15_000 }).toBe(1);
    request.destroy();
    await expect.poll(heldRefusals, { timeout: 15_000 }).toBe(0);
    expect(reached).toHaveLength(1);
  });

  it("sends at once and closes the connection when too many refusals are held", async () => {
    const saved = { ...refusalHold };
    Object.assign(refusalHold, { max: 0 });
    try {
      const answer = await send(blocked, "POST", "/api/webhooks");
      expect(answer.status).toBe(429);
      expect(answer.headers.connection).toBe("close");
      expect(heldRefusals()).toBe(0);
    } finally {
      Object.assign(refusalHold, saved);
    }
  });

  it("never stands between the blocked client and any other route, nor between others and the webhook", async () => {
    reached.length = 0;
    expect((await send(blocked, "GET", "/api/webhooks")).status).toBe(200);
    expect((await send(blocked, "POST", "/api/ping")).status).toBe(200);
    expect((await send(blocked, "POST", "/api/webhooks-and-more")).status).toBe(200);
    expect((await send(other, "POST", "/api/webhooks")).status).toBe(200);
    expect(reached).toEqual([`GET /api/webhooks ${blocked}`, `POST /api/ping ${blocked}`, `POST /api/webhooks-and-more ${blocked}`, `POST /api/webhooks ${other}`]);
  });
});
