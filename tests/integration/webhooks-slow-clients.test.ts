// Slow clients: the webhook body must arrive within 10 seconds (then 408), and `next start` is
// given headersTimeout / requestTimeout (scripts/lib/http-timeouts.mjs), so a client that
// trickles its headers is cut off too.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { authFailuresPerWindow } from "@/lib/webhooks/auth-rate-limit";
import { bodyReadDeadlineMs } from "@/lib/webhooks/receive";
import { headersTimeoutMs, requestTimeoutMs } from "../../scripts/lib/http-timeouts.mjs";
import { startNextServer, type RunningServer } from "../support/next-server";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

/** A signed request whose body sends its first bytes and then nothing more. */
function stalledRequest(): Request {
  const signed = webhookRequest(statusUpdate(uniqueId(), "new", "closed", "2024-06-01T08:00:00Z"));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"type":"status_'));
    },
  });
  return new Request(signed.url, { method: "POST", headers: signed.headers, body, duplex: "half" } as RequestInit);
}

describe("a body that does not arrive in time", () => {
  it(`answers 408 after ${bodyReadDeadlineMs / 1000} s`, async () => {
    const response = await POST(stalledRequest());
    expect(response.status).toBe(408);
    expect((await response.json()).error).toMatchObject({ code: "request_timeout", message: expect.any(String) });
  }, 30_000);
});

/** Opens a connection, sends `text`, and resolves with what the server sent before closing it. */
function trickle(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(text));
    let answer = "";
    socket.on("data", (chunk) => (answer += String(chunk)));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

/** A webhook POST from a loopback address of the test's choosing: status and JSON body. */
function postFrom(url: string, localAddress: string, authorization: string, body: string): Promise<{ status: number; retryAfter?: string; json: unknown }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, method: "POST", path: "/api/webhooks", localAddress, headers: { "content-type": "application/json", authorization } },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, retryAfter: response.headers["retry-after"] as string | undefined, json: JSON.parse(text) }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

// The HTTP server's timeouts and the front gate sit in front of the database, whichever it is:
// this part runs once, on the SQLite project (each next start costs tens of seconds of waiting).
describe.runIf(process.env.DATABASE_URL?.startsWith("file:"))("next start with HTTP timeouts and the webhook front gate", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNextServer({ DATABASE_URL: process.env.DATABASE_URL!, WEBHOOK_BEARER_TOKEN: "slow-clients-token" });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it(`closes a connection whose headers are not complete after ${headersTimeoutMs / 1000} s, with 408`, async () => {
    const answer = await trickle(server.url, "POST /api/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 60_000);

  it(`answers 408 to a webhook whose body stalls, after ${requestTimeoutMs / 1000} s at most`, async () => {
    const head = [
      "POST /api/webhooks HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      "Authorization: Bearer slow-clients-token",
      "Content-Length: 200",
      "Connection: close",
      "",
      "",
    ].join("\r\n");
    const answer = await trickle(server.url, `${head}{"type":"status_`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 60_000);

  it("turns a client past its failures away with 429, and still takes its genuine deliveries", async () => {
    const from = "127.0.0.31";
    const body = JSON.stringify(statusUpdate(uniqueId(), "new", "closed", "2024-06-01T08:00:00Z"));
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= authFailuresPerWindow + 1; attempt++) statuses.push((await postFrom(server.url, from, "Bearer wrong", body)).status);
    expect(statuses).toEqual([...Array<number>(authFailuresPerWindow).fill(401), 429, 429]);
    const refused = await postFrom(server.url, from, "Bearer wrong", body);
    expect(refused).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^\d+$/), json: { error: { code: "too_many_failed_authentications" } } });
    // The right token from the same address is Altibbi, not the stranger: it goes through.
    expect(await postFrom(server.url, from, "Bearer slow-clients-token", body)).toMatchObject({ status: 200, json: { outcome: "processed" } });
  }, 60_000);
});
