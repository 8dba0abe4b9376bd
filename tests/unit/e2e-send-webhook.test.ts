// The e2e helper must sign exactly the bytes it sends, as a Standard Webhooks receiver checks them.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { sendWebhook } from "@/e2e/support/webhooks";
import { e2eSigningSecret } from "@/e2e/support/test-server";

type Sent = { url: string; data: string; headers: Record<string, string> };

/** Stands in for Playwright's request fixture and records the one POST it is given. */
function recordingRequest() {
  const sent: Sent[] = [];
  const request = {
    post: async (url: string, options: { data: string; headers: Record<string, string> }) => {
      sent.push({ url, data: options.data, headers: options.headers });
      return {} as APIResponse;
    },
  } as unknown as APIRequestContext;
  return { request, sent };
}

describe("sendWebhook (e2e support)", () => {
  it("POSTs the JSON body to /api/webhooks with a valid signature for the test server's secret", async () => {
    const { request, sent } = recordingRequest();
    const body = { type: "status_update", consultation_id: 72, datetime: "2023-06-15T09:38:50.848860Z" };
    await sendWebhook(request, body);

    expect(sent).toHaveLength(1);
    const [delivery] = sent as [Sent];
    expect(delivery.url).toBe("/api/webhooks");
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["webhook-id"]).toMatch(/^msg_/);
    expect(JSON.parse(delivery.data)).toEqual(body);
    expect(new Webhook(e2eSigningSecret).verify(delivery.data, delivery.headers)).toEqual(body);
    expect(() => new Webhook(e2eSigningSecret).verify(`${delivery.data} `, delivery.headers)).toThrow(/signature/i);
  });

  it("signs a string body byte for byte, and honours id, timestamp, secret and extra headers", async () => {
    const { request, sent } = recordingRequest();
    const otherSecret = `whsec_${Buffer.from("another-secret-of-thirty-two-byt").toString("base64")}`;
    const timestamp = new Date();
    await sendWebhook(request, '{ "type" : "status_update" }', {
      webhookId: "msg_fixed",
      timestamp,
      secret: otherSecret,
      headers: { authorization: "Bearer token" },
    });

    const [delivery] = sent as [Sent];
    expect(delivery.data).toBe('{ "type" : "status_update" }');
    expect(delivery.headers).toMatchObject({
      "webhook-id": "msg_fixed",
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      authorization: "Bearer token",
    });
    expect(() => new Webhook(otherSecret).verify(delivery.data, delivery.headers)).not.toThrow();
    expect(() => new Webhook(e2eSigningSecret).verify(delivery.data, delivery.headers)).toThrow();
  });

  it("can send without any signature header", async () => {
    const { request, sent } = recordingRequest();
    await sendWebhook(request, { type: "status_update" }, { unsigned: true });
    const [delivery] = sent as [Sent];
    expect(Object.keys(delivery.headers)).toEqual(["content-type"]);
  });
});
