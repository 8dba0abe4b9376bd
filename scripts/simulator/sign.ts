// How the simulator authenticates, like the sender the receiver is configured for: a Standard
// Webhooks signature (WEBHOOK_SIGNING_SECRETS), a bearer token or HTTP Basic; or nothing, which
// only a development instance accepts.
import { Webhook } from "standardwebhooks";
import type { Env } from "../../lib/env";
import { parseSigningSecrets } from "../../lib/webhooks/authenticate";

export type SenderAuth =
  | { kind: "signature"; key: Buffer }
  | { kind: "bearer"; token: string }
  | { kind: "basic"; credentials: string }
  | { kind: "none" };

export type AuthChoice = "auto" | SenderAuth["kind"];
export const authChoices: readonly AuthChoice[] = ["auto", "signature", "bearer", "basic", "none"];

type AuthEnv = Pick<Env, "WEBHOOK_SIGNING_SECRETS" | "WEBHOOK_BEARER_TOKEN" | "WEBHOOK_BASIC_AUTH">;

/**
 * The credentials the configuration provides. `auto` prefers a signature, then a bearer token,
 * then Basic. With several signing secrets (a rotation), it signs with the first.
 */
export function senderAuth(config: AuthEnv, choice: AuthChoice = "auto"): SenderAuth {
  const key = parseSigningSecrets(config.WEBHOOK_SIGNING_SECRETS)[0];
  const available: SenderAuth[] = [
    ...(key ? [{ kind: "signature", key } as const] : []),
    ...(config.WEBHOOK_BEARER_TOKEN ? [{ kind: "bearer", token: config.WEBHOOK_BEARER_TOKEN } as const] : []),
    ...(config.WEBHOOK_BASIC_AUTH ? [{ kind: "basic", credentials: config.WEBHOOK_BASIC_AUTH } as const] : []),
  ];
  if (choice === "none") return { kind: "none" };
  if (choice === "auto") return available[0] ?? { kind: "none" };
  const chosen = available.find((auth) => auth.kind === choice);
  if (!chosen) {
    const variable = { signature: "WEBHOOK_SIGNING_SECRETS", bearer: "WEBHOOK_BEARER_TOKEN", basic: "WEBHOOK_BASIC_AUTH" }[choice];
    throw new Error(`--auth ${choice} needs ${variable} to be set`);
  }
  return chosen;
}

/**
 * The three Standard Webhooks headers for one attempt, signed by the `standardwebhooks` library
 * over the exact bytes of `body`. `secret` is a `whsec_…` string or the raw key bytes. Every
 * sender of this project (simulator, bench and tests) signs here; only the receiver
 * (lib/webhooks/authenticate.ts) verifies on its own.
 */
export function signatureHeaders(secret: string | Uint8Array, webhookId: string, body: string, timestamp = new Date()): Record<string, string> {
  const signer = typeof secret === "string" ? new Webhook(secret) : new Webhook(secret, { format: "raw" });
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signer.sign(webhookId, timestamp, body),
  };
}

/** Headers for one attempt; a signed retry keeps its webhook id and gets a fresh timestamp. */
export function deliveryHeaders(auth: SenderAuth, webhookId: string, body: string, now = new Date()): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "care-desk-simulator/1" };
  switch (auth.kind) {
    case "signature":
      Object.assign(headers, signatureHeaders(auth.key, webhookId, body, now));
      break;
    case "bearer":
      headers.authorization = `Bearer ${auth.token}`;
      break;
    case "basic":
      headers.authorization = `Basic ${Buffer.from(auth.credentials).toString("base64")}`;
      break;
    case "none":
      break;
  }
  return headers;
}
