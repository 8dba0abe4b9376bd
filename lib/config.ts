// Settings the pages may show (never secrets).
import "server-only";
import { env } from "./env";
import { webhookAuthConfigured } from "./webhooks/auth-config";

export const instanceName = env.CARE_DESK_NAME;

/** The configured public address without a trailing slash, if any. */
export const publicBaseUrl = env.CARE_DESK_PUBLIC_URL?.replace(/\/+$/, "");

/** Whether any webhook authentication method is set (the rule lib/webhooks applies). */
export const webhookAuthIsConfigured = (): boolean => webhookAuthConfigured();

/** In production, unauthenticated webhooks are refused when no method is configured. */
export const refusesUnauthenticatedWebhooks = env.NODE_ENV === "production";
