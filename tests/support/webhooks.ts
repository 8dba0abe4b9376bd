// Sends webhooks the way Altibbi (or a sloppy or hostile sender) would: to the route handler in
// the test's own process (integration tests) or to a running server over HTTP (end-to-end and
// loopback tests). Signed by the `standardwebhooks` library (scripts/simulator/sign.ts).
import { randomUUID } from "node:crypto";
import { signatureHeaders } from "../../scripts/simulator/sign";

/** Where webhooks go: the URL they are addressed to, the secret that signs them, and what answers. */
export type WebhookTarget = { url: string; secret?: string; receive: (request: Request) => Promise<Response> };

export type WebhookOptions = {
  /** Standard Webhooks secret (whsec_…); without one (or with `unsigned`) no signature is sent. */
  secret?: string;
  /** Send without the signature headers even where the target has a secret. */
  unsigned?: boolean;
  /** The webhook-id header; a fresh one for each signed request. Reuse one to simulate a redelivery. */
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
  const webhookId = options.webhookId ?? `msg_${randomUUID()}`;
  const authentication =
    options.secret && !options.unsigned
      ? signatureHeaders(options.secret, webhookId, text, options.timestamp)
      : options.webhookId
        ? { "webhook-id": options.webhookId }
        : {};
  return new Request(options.url ?? "http://localhost/api/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json", ...authentication, ...options.headers },
    body: text,
  });
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
