// Standard Webhooks signatures, made by the real `standardwebhooks` signer, with two secrets
// configured (rotation): valid, rotated, wrong secret, stale, tampered, missing.
import { describe, expect, it, vi } from "vitest";

const { oldSecret, newSecret } = vi.hoisted(() => {
  const oldSecret = "whsec_" + Buffer.from("care-desk-old-secret-0123456789ab").toString("base64");
  const newSecret = "whsec_" + Buffer.from("care-desk-new-secret-0123456789ab").toString("base64");
  process.env.WEBHOOK_SIGNING_SECRETS = `${newSecret} ${oldSecret}`;
  Object.assign(process.env, { NODE_ENV: "production" });
  return { oldSecret, newSecret };
});

import { POST } from "@/app/api/webhooks/route";
import { readDb } from "@/lib/db";
import { peerAddressHeader } from "@/lib/http/peer-address";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

const body = () => statusUpdate(uniqueId(), "new", "in_progress", "2024-06-01T08:00:00Z");
const wrongSecret = "whsec_" + Buffer.from("somebody-elses-secret-0123456789").toString("base64");

// Each refused attempt speaks from an address of its own (198.19.200.0/24: no other test file
// uses it), so its record is found by that address, not as "the newest row" (other test files write
// deliveries at the same time), and the one-record-per-address-per-minute sampling of
// unauthenticated refusals records every attempt.
let lastOctets = 0;
const newClientIp = () => `198.19.200.${++lastOctets}`;

async function deliveryFrom(ip: string) {
  const db = await readDb();
  const rows = await db.webhookDelivery.findMany({ where: { headers: { contains: `"client-ip":"${ip}"` } } });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("Standard Webhooks signatures", () => {
  it("accepts a body signed with the current secret, and with the rotated-out one", async () => {
    for (const secret of [newSecret, oldSecret]) {
      const response = await POST(webhookRequest(body(), { secret }));
      expect(response.status).toBe(200);
    }
  });

  it.each([
    ["a wrong secret", (headers: Record<string, string>) => webhookRequest(body(), { secret: wrongSecret, headers }), /no webhook-signature matches/],
    ["a timestamp 6 minutes old", (headers: Record<string, string>) => webhookRequest(body(), { secret: newSecret, timestamp: new Date(Date.now() - 6 * 60_000), headers }), /tolerance/],
    ["a timestamp 6 minutes ahead", (headers: Record<string, string>) => webhookRequest(body(), { secret: newSecret, timestamp: new Date(Date.now() + 6 * 60_000), headers }), /tolerance/],
    ["no signature headers", (headers: Record<string, string>) => webhookRequest(body(), { unsigned: true, headers }), /missing webhook-id/],
  ])("refuses %s with 401 and records the attempt without its body", async (_name, makeRequest, reason) => {
    const ip = newClientIp();
    const response = await POST(makeRequest({ [peerAddressHeader]: ip }));
    expect(response.status).toBe(401);
    const json = await response.json();
    expect(json.error.code).toBe("unauthorized");
    expect(json.error.message).toMatch(reason);
    const delivery = await deliveryFrom(ip);
    expect(delivery).toMatchObject({ outcome: "unauthorized", httpStatus: 401, rawBody: null });
  });

  it("refuses a tampered body (signature made over other bytes)", async () => {
    const signed = webhookRequest(body(), { secret: newSecret });
    const headers = new Headers(signed.headers);
    const tampered = JSON.stringify({ ...(JSON.parse(await signed.text()) as object), new_status: "closed" });
    const response = await POST(new Request("http://localhost/api/webhooks", { method: "POST", headers, body: tampered }));
    expect(response.status).toBe(401);
  });

  it("refuses a valid signature whose webhook-id was changed", async () => {
    const signed = webhookRequest(body(), { secret: newSecret });
    const headers = new Headers(signed.headers);
    headers.set("webhook-id", "msg_another");
    const response = await POST(new Request("http://localhost/api/webhooks", { method: "POST", headers, body: await signed.text() }));
    expect(response.status).toBe(401);
  });

  it("authenticates before parsing: unsigned garbage is 401, not 400", async () => {
    const response = await POST(webhookRequest("{not json", { unsigned: true }));
    expect(response.status).toBe(401);
  });

  it("uses webhook-id as the dedup key: a signed retry is a duplicate", async () => {
    const payload = body();
    const first = await POST(webhookRequest(payload, { secret: newSecret, webhookId: `msg_retry_${payload.consultation_id}` }));
    const retry = await POST(webhookRequest(payload, { secret: oldSecret, webhookId: `msg_retry_${payload.consultation_id}` }));
    expect(await first.json()).toMatchObject({ outcome: "processed" });
    expect(await retry.json()).toMatchObject({ outcome: "duplicate" });
  });
});
