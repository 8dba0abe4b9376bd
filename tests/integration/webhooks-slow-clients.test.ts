// Slow clients: the webhook body must arrive within 10 seconds (then 408), and `next start` is
// given headersTimeout / requestTimeout (scripts/lib/http-timeouts.mjs), so a client that
// trickles its headers is cut off too.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
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

describe("next start with HTTP timeouts", () => {
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
});
