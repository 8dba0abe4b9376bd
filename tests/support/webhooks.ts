// Sends webhooks the way Altibbi (or a sloppy or hostile sender) would: to the route handler in
// the test's own process (integration tests) or to a running server over HTTP (end-to-end and
// loopback tests). Signed by the `standardwebhooks` library (scripts/simulator/sign.ts).
import { createHash, createHmac, randomUUID } from "node:crypto";
import { signatureHeaders } from "../../scripts/simulator/sign";
import { integrationSigningSecret } from "./signing-secret";

/** Where webhooks go: the URL they are addressed to, the secret that signs them, and what answers. */
export type WebhookTarget = { url: string; secret?: string; receive: (request: Request) => Promise<Response> };

export type WebhookOptions = {
  /** Standard Webhooks secret (whsec_…): the integration projects' one unless given; `unsigned` sends none. */
  secret?: string;
  /** Send without the signature headers even where the target has a secret. */
  unsigned?: boolean;
  /**
   * The webhook-id header. A fresh one for each request given a `secret`; signed with the default
   * secret, one derived from the body, so the same body sent twice is a redelivery.
   */
  webhookId?: string;
  /** The webhook-timestamp; now by default. */
  timestamp?: Date;
  /** Extra headers, applied last (they may override the signature headers). */
  headers?: Record<string, string>;
  url?: string;
};

/**
 * A POST of `body`. An object is sent as JSON; a string is sent (and signed) byte for byte as
 * given, so a test can send malformed JSON or odd formatting.
 */
export function webhookRequest(body: unknown, options: WebhookOptions = {}): Request {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const webhookId =
    options.webhookId ?? (options.secret ? `msg_${randomUUID()}` : `msg_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`);
  const secret = options.secret ?? integrationSigningSecret;
  const authentication = !options.unsigned
    ? signatureHeaders(secret, webhookId, text, options.timestamp)
    : options.webhookId
      ? { "webhook-id": options.webhookId }
      : {};
  return new Request(options.url ?? "http://localhost/api/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json", ...authentication, ...options.headers },
    body: text,
  });
}

/**
 * A POST of raw bytes (a stream when `chunked`), signed with the integration secret: for bodies
 * that are not text (invalid UTF-8) or arrive without a length. The `standardwebhooks` library
 * signs text only, so these bytes are signed here by the same rule (HMAC-SHA256 of
 * `id.timestamp.body` under the secret's key).
 */
export function rawWebhookRequest(bytes: Uint8Array, { chunked = false, secret = integrationSigningSecret } = {}): Request {
  const webhookId = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${webhookId}.${timestamp}.`).update(bytes).digest("base64");
  const headers = { "content-type": "application/json", "webhook-id": webhookId, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
  const body = chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      })
    : bytes;
  return new Request("http://localhost/api/webhooks", { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

/** A server listening at `baseUrl` (e.g. http://127.0.0.1:3100) that checks signatures with `secret`. */
export const serverAt = (baseUrl: string, secret?: string): WebhookTarget => ({
  url: `${baseUrl}/api/webhooks`,
  secret,
  receive: (request) => fetch(request),
});

export const sendWebhook = (target: WebhookTarget, body: unknown, options: WebhookOptions = {}): Promise<Response> =>
  target.receive(webhookRequest(body, { url: target.url, secret: target.secret, ...options }));

export type Delivered = { outcome: string; delivery_id: number };

/** Sends a webhook and fails unless it was stored (200): the answer's outcome and delivery id. */
export async function deliver(target: WebhookTarget, body: unknown, options: WebhookOptions = {}): Promise<Delivered> {
  const response = await sendWebhook(target, body, options);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${target.url} answered ${response.status}, not 200: ${text}`);
  return JSON.parse(text) as Delivered;
}
