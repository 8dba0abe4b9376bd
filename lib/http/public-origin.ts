// The address browsers use to reach this instance: CARE_DESK_PUBLIC_URL when set, otherwise
// the request's Host, or X-Forwarded-Host/Proto when a trusted proxy sent the request.
import { deployment } from "./deployment";
import { isFromTrustedProxy } from "./client-ip";
import type { IpRanges } from "./ip-ranges";

export type PublicOrigin = { protocol: "http" | "https"; host: string; origin: string };

type Settings = { publicUrl: URL | null; trustedProxies: IpRanges };

const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** The Host the client asked for: X-Forwarded-Host from a trusted proxy, otherwise Host. */
export function requestedHostFrom(headers: Headers, trustedProxies: IpRanges = deployment.trustedProxies): string | null {
  const forwarded = isFromTrustedProxy(headers, trustedProxies) ? firstValue(headers.get("x-forwarded-host")) : null;
  return forwarded ?? headers.get("host");
}

export function resolvePublicOrigin(headers: Headers, settings: Settings): PublicOrigin {
  if (settings.publicUrl) {
    const { protocol, host, origin } = settings.publicUrl;
    return { protocol: protocol === "https:" ? "https" : "http", host, origin };
  }
  const trusted = isFromTrustedProxy(headers, settings.trustedProxies);
  const forwardedProto = trusted ? firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() : null;
  // `next start` serves plain HTTP: https is only known from a trusted proxy.
  const protocol = forwardedProto === "https" ? "https" : "http";
  const host = requestedHostFrom(headers, settings.trustedProxies) ?? "localhost";
  return { protocol, host, origin: `${protocol}://${host}` };
}

/** This instance's public origin for the request (for links such as the webhook URL). */
export function publicOriginFrom(headers: Headers): PublicOrigin {
  return resolvePublicOrigin(headers, deployment);
}
