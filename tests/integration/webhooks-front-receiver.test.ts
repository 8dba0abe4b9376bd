// The receiver in front of Next.js (lib/webhooks/front-receiver.ts) on a real HTTP server, wired
// as under `next start`: a webhook is stored and answered there, with the security headers
// proxy.ts gives every answer, and never reaches Next.js; everything else does. (Its answers to
// malformed and hostile bodies are the route's: tests/integration/webhooks-validation.test.ts
// sends every case to both.)
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { maxBodyBytes } from "@/lib/webhooks/receive";
import { frontReceiver } from "../support/front-receiver";
import { statusUpdate, uniqueId } from "../support/payloads";
import { sendWebhook, webhookRequest } from "../support/webhooks";

const front = frontReceiver();
afterAll(front.close);

/** One raw HTTP request: status, headers, body. */
async function raw(method: string, path: string, headers: Record<string, string | number>, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(path, await front.baseUrl());
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("the webhook receiver in front of Next.js", () => {
  it("stores a signed delivery and answers it with the security headers, without Next.js", async () => {
    const id = uniqueId();
    const response = await sendWebhook(front, statusUpdate(id, null, "new", "2024-06-01T08:00:00Z"), { headers: { "x-request-id": "front-receiver-test-1" } });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { outcome: string; delivery_id: number };
    expect(answer.outcome).toBe("processed");
    expect(response.headers.get("x-request-id")).toBe("front-receiver-test-1");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    // next.config.ts's headers, which Next.js would have added.
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");

    const db = await readDb();
    expect(await db.consultation.findUnique({ where: { id: BigInt(id) }, select: { status: true } })).toEqual({ status: "new" });
    expect(await db.webhookDelivery.findUnique({ where: { id: answer.delivery_id }, select: { outcome: true, consultationId: true } })).toEqual({
      outcome: "processed",
      consultationId: BigInt(id),
    });
    expect(front.reached).toEqual([]);
  });

  it("counts a redelivery once", async () => {
    const body = statusUpdate(uniqueId(), "new", "closed", "2024-06-01T09:00:00Z");
    const first = await sendWebhook(front, body);
    const again = await sendWebhook(front, body);
    expect([(await first.json()).outcome, (await again.json()).outcome]).toEqual(["processed", "duplicate"]);
  });

  it("refuses an unsigned delivery with the route's 401", async () => {
    const response = await sendWebhook(front, statusUpdate(uniqueId(), null, "new", "2024-06-01T08:00:00Z"), { unsigned: true });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("answers a body declared over the limit with 413 before reading it, and closes the connection", async () => {
    const signed = webhookRequest(statusUpdate(uniqueId(), null, "new", "2024-06-01T08:00:00Z"));
    const headers = Object.fromEntries(signed.headers);
    // Declared larger than the limit; only the start is sent, so nothing is left to read.
    const answer = await raw("POST", "/api/webhooks", { ...headers, "content-length": maxBodyBytes + 1 }, "{");
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
    expect(answer.headers.connection).toBe("close");
  });

  it("hands every other request to Next.js", async () => {
    for (const [method, path] of [["GET", "/api/webhooks"], ["HEAD", "/api/webhooks"], ["POST", "/api/webhooks-and-more"], ["POST", "/api/ping"]] as const) {
      expect((await raw(method, path, {})).status).toBe(404);
    }
    expect(front.reached).toEqual(["GET /api/webhooks", "HEAD /api/webhooks", "POST /api/webhooks-and-more", "POST /api/ping"]);
  });
});
