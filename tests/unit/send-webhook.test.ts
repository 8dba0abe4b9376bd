// The one webhook sender of the tests must sign exactly the bytes it sends, as a Standard Webhooks
// receiver checks them, and send them where its target says.
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { testServer } from "@/e2e/support/webhooks";
import { e2eBaseUrl, e2eSigningSecret } from "@/e2e/support/test-server";
import { integrationSigningSecret } from "@/tests/support/signing-secret";
import { deliver, sendWebhook, webhookRequest, type WebhookTarget } from "@/tests/support/webhooks";

type Sent = { url: string; text: string; headers: Record<string, string> };

/** A target that records what it is sent and answers with `status` and `answer`. */
function recordingTarget(status = 200, answer: unknown = { outcome: "processed", delivery_id: 7 }) {
  const sent: Sent[] = [];
  const target: WebhookTarget = {
    url: testServer.url,
    secret: testServer.secret,
    receive: async (request) => {
      sent.push({ url: request.url, text: await request.text(), headers: Object.fromEntries(request.headers) });
      return Response.json(answer, { status });
    },
  };
  return { target, sent };
}

describe("sendWebhook", () => {
  it("POSTs the JSON body to the end-to-end server with a valid signature for its secret", async () => {
    const { target, sent } = recordingTarget();
    const body = { type: "status_update", consultation_id: 72, datetime: "2023-06-15T09:38:50.848860Z" };
    await sendWebhook(target, body);

    expect(sent).toHaveLength(1);
    const [delivery] = sent as [Sent];
    expect(delivery.url).toBe(`${e2eBaseUrl}/api/webhooks`);
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["webhook-id"]).toMatch(/^msg_/);
    expect(JSON.parse(delivery.text)).toEqual(body);
    expect(new Webhook(e2eSigningSecret).verify(delivery.text, delivery.headers)).toEqual(body);
    expect(() => new Webhook(e2eSigningSecret).verify(`${delivery.text} `, delivery.headers)).toThrow(/signature/i);
  });

  it("signs a string body byte for byte, and honours id, timestamp, secret and extra headers", async () => {
    const { target, sent } = recordingTarget();
    const otherSecret = `whsec_${Buffer.from("another-secret-of-thirty-two-byt").toString("base64")}`;
    const timestamp = new Date();
    await sendWebhook(target, '{ "type" : "status_update" }', {
      webhookId: "msg_fixed",
      timestamp,
      secret: otherSecret,
      headers: { authorization: "Bearer token" },
    });

    const [delivery] = sent as [Sent];
    expect(delivery.text).toBe('{ "type" : "status_update" }');
    expect(delivery.headers).toMatchObject({
      "webhook-id": "msg_fixed",
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      authorization: "Bearer token",
    });
    expect(() => new Webhook(otherSecret).verify(delivery.text, delivery.headers)).not.toThrow();
    expect(() => new Webhook(e2eSigningSecret).verify(delivery.text, delivery.headers)).toThrow();
  });

  it("can send without any signature header, or with only a webhook-id", async () => {
    const { target, sent } = recordingTarget();
    await sendWebhook(target, { type: "status_update" }, { unsigned: true });
    await sendWebhook(target, { type: "status_update" }, { unsigned: true, webhookId: "msg_plain" });
    expect(Object.keys(sent[0]!.headers)).toEqual(["content-type"]);
    expect(sent[1]!.headers).toEqual({ "content-type": "application/json", "webhook-id": "msg_plain" });
  });

  it("signs a request for the in-process route handler with the integration secret unless given one, with a webhook-id from the body", async () => {
    const request = webhookRequest({ type: "status_update" });
    expect(request.url).toBe("http://localhost/api/webhooks");
    const text = await request.text();
    const headers = Object.fromEntries(request.headers);
    expect(() => new Webhook(integrationSigningSecret).verify(text, headers)).not.toThrow();
    // The same body again is the same delivery (a redelivery), as Altibbi would send it.
    expect(webhookRequest({ type: "status_update" }).headers.get("webhook-id")).toBe(headers["webhook-id"]);
    expect(webhookRequest({ type: "status_update", x: 1 }).headers.get("webhook-id")).not.toBe(headers["webhook-id"]);
  });
});

describe("deliver", () => {
  it("answers the outcome and delivery id of a stored delivery", async () => {
    const { target } = recordingTarget();
    expect(await deliver(target, { type: "status_update" })).toEqual({ outcome: "processed", delivery_id: 7 });
  });

  it("fails with the status and body of anything but a 200", async () => {
    const { target } = recordingTarget(401, { error: { code: "unauthorized", message: "no" } });
    await expect(deliver(target, { type: "status_update" })).rejects.toThrow(/answered 401, not 200: .*unauthorized/);
  });
});
