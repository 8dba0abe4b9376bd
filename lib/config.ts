// Settings the pages may show (never secrets).
import "server-only";
import { env } from "./env";
import { isAuthConfigured, parseSigningSecrets } from "./webhooks/authenticate";

export const instanceName = env.CARE_DESK_NAME;

/** The configured public address without a trailing slash, if any. */
export const publicBaseUrl = env.CARE_DESK_PUBLIC_URL?.replace(/\/+$/, "");

export type WebhookAuthStatus = "configured" | "not_configured" | "invalid";

/** Whether any webhook authentication method is set (the same rule lib/webhooks applies). */
export function webhookAuthStatus(): WebhookAuthStatus {
  try {
    const configured = isAuthConfigured({
      signingSecrets: parseSigningSecrets(env.WEBHOOK_SIGNING_SECRETS),
      bearerToken: env.WEBHOOK_BEARER_TOKEN,
      basicAuth: env.WEBHOOK_BASIC_AUTH,
    });
    return configured ? "configured" : "not_configured";
  } catch {
    return "invalid";
  }
}

/** In production, unauthenticated webhooks are refused when no method is configured. */
export const refusesUnauthenticatedWebhooks = env.NODE_ENV === "production";
