// The webhook authentication configured for this instance (from lib/env), and the start-up
// warning when there is none.
import { env } from "../env";
import { isAuthConfigured, parseSigningSecrets, type AuthConfig } from "./authenticate";

export const authConfig: AuthConfig = {
  signingSecrets: parseSigningSecrets(env.WEBHOOK_SIGNING_SECRETS),
  bearerToken: env.WEBHOOK_BEARER_TOKEN,
  basicAuth: env.WEBHOOK_BASIC_AUTH,
};

export const webhookAuthConfigured = (): boolean => isAuthConfigured(authConfig);

/** The operator-facing warning while no authentication is configured, or null. */
export function webhookAuthWarning(): string | null {
  if (webhookAuthConfigured()) return null;
  return env.NODE_ENV === "production"
    ? "Webhook authentication is NOT configured: every POST /api/webhooks is refused with 401. Set WEBHOOK_SIGNING_SECRETS (or WEBHOOK_BEARER_TOKEN / WEBHOOK_BASIC_AUTH)."
    : "Webhook authentication is NOT configured: POST /api/webhooks accepts unauthenticated requests (development only). Set WEBHOOK_SIGNING_SECRETS (or WEBHOOK_BEARER_TOKEN / WEBHOOK_BASIC_AUTH).";
}
