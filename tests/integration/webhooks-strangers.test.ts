// Strangers cost a counter, not a row: refused requests keep no credential (a known scheme word
// or "[redacted]", how many signatures), unauthenticated ones store no body and no free-form
// header, at most one record per client IP per minute, and failed authentication is rate
// limited per client IP with 429 and Retry-After.
import { describe, expect, it, vi } from "vitest";

const { secret, token } = vi.hoisted(() => {
  const secret = "whsec_" + Buffer.from("care-desk-strangers-0123456789ab").toString("base64");
  const token = "tok_strangers_0123";
  Object.assign(process.env, { NODE_ENV: "production", WEBHOOK_SIGNING_SECRETS: secret, WEBHOOK_BEARER_TOKEN: token });
  return { secret, token };
});

import { POST } from "@/app/api/webhooks/route";
import { readDb } from "@/lib/db";
import { peerAddressHeader, startStampingPeerAddress } from "@/lib/http/peer-address";
import { authFailuresPerWindow } from "@/lib/webhooks/auth-rate-limit";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

// In-process requests have no socket: the peer address header is believed once stamping is on,
// so each test can speak from an address of its own.
startStampingPeerAddress();
let lastOctets = 0;
const newClientIp = () => `198.51.${Math.floor(++lastOctets / 250)}.${(lastOctets % 250) + 1}`;

const body = () => statusUpdate(uniqueId(), "new", "closed", "2024-06-01T08:00:00Z");
const from = (ip: string, headers: Record<string, string> = {}) => ({ unsigned: true, headers: { [peerAddressHeader]: ip, ...headers } });

async function deliveriesFrom(ip: string) {
  const db = await readDb();
  const rows = await db.webhookDelivery.findMany({ where: { headers: { contains: `"client-ip":"${ip}"` } }, orderBy: { id: "asc" } });
  return rows;
}

describe("refused requests keep no credential", () => {
  it.each([
    ["sekrit", "[redacted]"],
    ["Bearer wrong-token", "Bearer"],
    [`Basic ${Buffer.from("altibbi:guess").toString("base64")}`, "Basic"],
    ["Token abc", "[redacted]"],
  ])("authorization %j is stored as %j", async (authorization, stored) => {
    const ip = newClientIp();
    const response = await POST(webhookRequest(body(), from(ip, { authorization })));
    expect(response.status).toBe(401);
    const [delivery] = await deliveriesFrom(ip);
    expect(JSON.parse(delivery!.headers).authorization).toBe(stored);
    const credential = authorization.split(" ").at(-1)!;
    if (stored === "[redacted]" || credential !== stored) expect(delivery!.headers).not.toContain(credential);
  });

  it("stores how many signatures there were, not the signatures", async () => {
    const ip = newClientIp();
    const other = "whsec_" + Buffer.from("not-the-right-secret-0123456789").toString("base64");
    const request = webhookRequest(body(), { ...from(ip), secret: other, unsigned: false });
    const signature = request.headers.get("webhook-signature")!;
    request.headers.set("webhook-signature", `${signature} v1,AAAA`);
    expect((await POST(request)).status).toBe(401);
    const [delivery] = await deliveriesFrom(ip);
    expect(JSON.parse(delivery!.headers)["webhook-signature"]).toBe("2 signatures");
    expect(delivery!.headers).not.toContain(signature.slice(3, 20));
  });
});

describe("unauthenticated requests cost a counter", () => {
  it("records at most one per client IP per minute, with no body and only allowlisted headers cut to 256 bytes", async () => {
    const ip = newClientIp();
    const padding = { "x-padding": "p".repeat(15_000), "user-agent": "u".repeat(15_000), cookie: "c=1" };
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await POST(webhookRequest(body(), from(ip, padding)));
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    const rows = await deliveriesFrom(ip);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "unauthorized", httpStatus: 401, rawBody: null, bodySha256: null, bodyBytes: 0 });
    const headers = JSON.parse(rows[0]!.headers) as Record<string, string>;
    expect(Object.keys(headers).sort()).toEqual(["client-ip", "content-type", "user-agent"]);
    expect(headers["user-agent"]).toHaveLength(256);
    expect(rows[0]!.headers.length).toBeLessThan(600);

    // Another address gets its own record.
    const other = newClientIp();
    expect((await POST(webhookRequest(body(), from(other)))).status).toBe(401);
    expect(await deliveriesFrom(other)).toHaveLength(1);
  });

  it("does not read or keep the body of a signature request whose timestamp is stale", async () => {
    const ip = newClientIp();
    const stale = webhookRequest(body(), { ...from(ip), secret, unsigned: false, timestamp: new Date(Date.now() - 10 * 60_000) });
    const response = await POST(stale);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/tolerance/);
    expect(stale.bodyUsed).toBe(false);
    const [delivery] = await deliveriesFrom(ip);
    expect(delivery).toMatchObject({ rawBody: null, bodyBytes: 0 });
  });

  it("decides Bearer from the headers without reading the body", async () => {
    const request = webhookRequest(body(), from(newClientIp(), { authorization: "Bearer nope" }));
    expect((await POST(request)).status).toBe(401);
    expect(request.bodyUsed).toBe(false);
  });

  it("still records an authenticated sender's refusal whole", async () => {
    const ip = newClientIp();
    const response = await POST(webhookRequest('{"type":"status_update"', from(ip, { authorization: `Bearer ${token}` })));
    expect(response.status).toBe(400);
    const [delivery] = await deliveriesFrom(ip);
    expect(delivery).toMatchObject({ outcome: "rejected", errorCode: "invalid_json", rawBody: '{"type":"status_update"' });
    expect(JSON.parse(delivery!.headers).authorization).toBe("Bearer");
  });
});

describe("failed authentication is rate limited per client IP", () => {
  it(`answers 429 with Retry-After after ${authFailuresPerWindow} failures, while other addresses and genuine senders go on`, async () => {
    const ip = newClientIp();
    for (let attempt = 0; attempt < authFailuresPerWindow; attempt++) {
      expect((await POST(webhookRequest(body(), from(ip)))).status).toBe(401);
    }
    const limited = await POST(webhookRequest(body(), from(ip)));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await limited.json()).error).toMatchObject({ code: "too_many_failed_authentications", message: expect.any(String) });

    // A signature request from that address is turned away before its body is read.
    const signed = webhookRequest(body(), { ...from(ip), secret, unsigned: false });
    expect((await POST(signed)).status).toBe(429);
    expect(signed.bodyUsed).toBe(false);

    // Another address is not affected, nor is a valid bearer token from the limited one.
    expect((await POST(webhookRequest(body(), from(newClientIp())))).status).toBe(401);
    expect((await POST(webhookRequest(body(), from(ip, { authorization: `Bearer ${token}` })))).status).toBe(200);
    expect((await POST(webhookRequest(body(), { ...from(newClientIp()), secret, unsigned: false }))).status).toBe(200);

    // The failures left one row for that address.
    expect((await deliveriesFrom(ip)).filter((row) => row.outcome === "unauthorized")).toHaveLength(1);
  });
});
