// Sends a webhook to the test server the way Altibbi would: signed per Standard Webhooks
// (webhook-id, webhook-timestamp, webhook-signature over the exact bytes sent).
import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { e2eSigningSecret } from "./test-server";

export type SendWebhookOptions = {
  /** Signing secret; defaults to the test server's. */
  secret?: string;
  /** Send without the three signature headers. */
  unsigned?: boolean;
  /** The webhook-id header; a fresh one by default. Reuse one to simulate a redelivery. */
  webhookId?: string;
  /** The webhook-timestamp; now by default. */
  timestamp?: Date;
  /** Extra headers, applied last (they may override the signature headers). */
  headers?: Record<string, string>;
};

/**
 * POSTs `body` to /api/webhooks. An object is sent as JSON; a string is sent (and signed)
 * byte for byte as given, so a spec can send malformed JSON or odd formatting.
 */
export async function sendWebhook(
  request: APIRequestContext,
  body: unknown,
  options: SendWebhookOptions = {},
): Promise<APIResponse> {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  const webhookId = options.webhookId ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? new Date();
  const signature: Record<string, string> = options.unsigned
    ? {}
    : {
        "webhook-id": webhookId,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": new Webhook(options.secret ?? e2eSigningSecret).sign(webhookId, timestamp, payload),
      };
  return request.post("/api/webhooks", {
    data: payload,
    headers: { "content-type": "application/json", ...signature, ...options.headers },
  });
}
