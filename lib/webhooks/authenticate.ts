// Who may post webhooks. Any configured method that the request satisfies authenticates it:
// Standard Webhooks signatures (WEBHOOK_SIGNING_SECRETS, several for rotation), a bearer token
// (WEBHOOK_BEARER_TOKEN) or HTTP Basic (WEBHOOK_BASIC_AUTH). Signatures are checked over the raw
// bytes before anything is parsed, and every comparison is constant-time.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const signatureToleranceSeconds = 5 * 60;

export type AuthConfig = { signingSecrets: Buffer[]; bearerToken?: string; basicAuth?: string };

export type AuthResult =
  | { ok: true; method: "signature" | "bearer" | "basic" | "none" }
  | { ok: false; code: "unauthorized" | "auth_not_configured"; message: string };

/** Decodes `whsec_<base64>` secrets (the prefix is optional, as in the standardwebhooks library). */
export function parseSigningSecrets(value: string | undefined): Buffer[] {
  if (!value) return [];
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((secret) => {
      const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
      if (key.length < 16) throw new Error("WEBHOOK_SIGNING_SECRETS: each secret must be whsec_ followed by at least 16 base64 bytes");
      return key;
    });
}

export const isAuthConfigured = (config: AuthConfig) =>
  config.signingSecrets.length > 0 || config.bearerToken !== undefined || config.basicAuth !== undefined;

// Hashing both sides first gives equal lengths, so timingSafeEqual never leaks the length.
const sameText = (a: string, b: string) =>
  timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());

/**
 * What the headers alone say about a signature: null when the three headers are there and the
 * timestamp is inside the window (the body must then be verified), else why not.
 */
function checkSignatureHeaders(headers: Headers, nowSeconds: number): string | null {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signatures = headers.get("webhook-signature");
  if (!id || !timestamp || !signatures) return "missing webhook-id, webhook-timestamp or webhook-signature header";
  if (!/^\d{1,12}$/.test(timestamp)) return "webhook-timestamp is not a Unix time in seconds";
  if (Math.abs(nowSeconds - Number(timestamp)) > signatureToleranceSeconds) return "webhook-timestamp is outside the 5 minute tolerance";
  return null;
}

/** Whether one of the request's v1 signatures is the HMAC of `id.timestamp.body` under one of the secrets. */
function verifySignature(headers: Headers, body: Uint8Array, secrets: Buffer[]): boolean {
  const prefix = `${headers.get("webhook-id")}.${headers.get("webhook-timestamp")}.`;
  const candidates = (headers.get("webhook-signature") ?? "")
    .split(" ")
    .filter((entry) => entry.startsWith("v1,"))
    .map((entry) => Buffer.from(entry.slice(3), "base64"));
  return secrets.some((secret) => {
    const expected = createHmac("sha256", secret).update(prefix).update(body).digest();
    return candidates.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  });
}

/** What the headers decide: authenticated, refused, or a signature to verify over the body. */
export type HeaderAuthResult = AuthResult | { ok: "verify_body" };

/**
 * The decision that needs no body: Bearer and Basic are settled here, and a signature request
 * must carry its three headers and a timestamp inside the window before its body is read.
 * `allowUnauthenticated` is true only under `next dev` with WEBHOOK_AUTH=none (lib/env.ts).
 */
export function authenticateHeaders(
  headers: Headers,
  config: AuthConfig,
  allowUnauthenticated: boolean,
  nowSeconds = Math.floor(Date.now() / 1000),
): HeaderAuthResult {
  if (allowUnauthenticated) return { ok: true, method: "none" };
  if (!isAuthConfigured(config)) {
    return {
      ok: false,
      code: "auth_not_configured",
      message:
        "Webhook authentication is not configured. Set WEBHOOK_SIGNING_SECRETS (Standard Webhooks), WEBHOOK_BEARER_TOKEN or WEBHOOK_BASIC_AUTH.",
    };
  }
  const reasons: string[] = [];
  const authorization = headers.get("authorization") ?? "";
  if (config.bearerToken !== undefined) {
    if (/^Bearer /i.test(authorization) && sameText(authorization.slice(7).trim(), config.bearerToken)) return { ok: true, method: "bearer" };
    reasons.push("no valid bearer token");
  }
  if (config.basicAuth !== undefined) {
    const credentials = /^Basic /i.test(authorization) ? Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8") : "";
    if (credentials && sameText(credentials, config.basicAuth)) return { ok: true, method: "basic" };
    reasons.push("no valid basic credentials");
  }
  if (config.signingSecrets.length > 0) {
    const failure = checkSignatureHeaders(headers, nowSeconds);
    if (failure === null) return { ok: "verify_body" };
    reasons.unshift(failure);
  }
  return { ok: false, code: "unauthorized", message: `Webhook authentication failed: ${reasons.join("; ")}.` };
}

/** The second step of a signature request: its body, once read, against the secrets. */
export function authenticateBody(headers: Headers, body: Uint8Array, config: AuthConfig): AuthResult {
  if (verifySignature(headers, body, config.signingSecrets)) return { ok: true, method: "signature" };
  const others = [config.bearerToken !== undefined ? "no valid bearer token" : null, config.basicAuth !== undefined ? "no valid basic credentials" : null];
  const reasons = ["no webhook-signature matches", ...others.filter((reason) => reason !== null)];
  return { ok: false, code: "unauthorized", message: `Webhook authentication failed: ${reasons.join("; ")}.` };
}

/** Both steps at once, for a body already in hand. */
export function authenticate(
  headers: Headers,
  body: Uint8Array,
  config: AuthConfig,
  allowUnauthenticated: boolean,
  nowSeconds = Math.floor(Date.now() / 1000),
): AuthResult {
  const decided = authenticateHeaders(headers, config, allowUnauthenticated, nowSeconds);
  return decided.ok === "verify_body" ? authenticateBody(headers, body, config) : decided;
}
