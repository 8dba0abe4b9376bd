// The full URL of this instance's webhook endpoint, as Altibbi must be given it.
import { publicBaseUrl } from "../env";
import { publicOriginFrom } from "./public-origin";

export function webhookUrlFrom(headers: Headers): string {
  if (publicBaseUrl) return `${publicBaseUrl}/api/webhooks`;
  // X-Forwarded-Host/Proto count only from a trusted proxy (CARE_DESK_TRUSTED_PROXIES).
  return `${publicOriginFrom(headers).origin}/api/webhooks`;
}
