// The client's IP address (per-IP rate limits, logs). The TCP peer (lib/http/peer-address) is
// the client unless it is one of CARE_DESK_TRUSTED_PROXIES: then X-Forwarded-For is read from
// the right, skipping trusted proxies, and the first address no trusted proxy vouches for is
// the client. Entries further left were written by the client and are never believed.
import { deployment } from "./deployment";
import { isAddressInRanges, normalizeAddress, type IpRanges } from "./ip-ranges";
import { peerAddressFrom } from "./peer-address";

/**
 * proxy.ts writes clientIpFrom's answer into this request header (overwriting any client-sent
 * one) for libraries that can only be told a header name, e.g. better-auth's
 * `advanced.ipAddress.ipAddressHeaders`.
 */
export const clientIpHeader = "x-care-desk-client-ip";

/** Returned when the peer address is unknown (the stamping in instrumentation.ts did not run). */
export const unknownClientIp = "unknown";

/** Splits X-Forwarded-For into addresses, dropping a `:port` after IPv4 and IPv6 brackets. */
export function forwardedForChain(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => normalizeAddress(/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(entry) ? entry.replace(/:\d+$/, "") : entry.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1")));
}

/** Whether the request came from a trusted reverse proxy (so its X-Forwarded-* headers count). */
export function isFromTrustedProxy(headers: Headers, trustedProxies: IpRanges = deployment.trustedProxies): boolean {
  const peer = peerAddressFrom(headers);
  return peer !== null && isAddressInRanges(peer, trustedProxies);
}

export function resolveClientIp(headers: Headers, trustedProxies: IpRanges): string {
  const peer = peerAddressFrom(headers);
  if (peer === null) return unknownClientIp;
  if (!isAddressInRanges(peer, trustedProxies)) return normalizeAddress(peer);
  const chain = forwardedForChain(headers.get("x-forwarded-for"));
  for (let index = chain.length - 1; index >= 0; index--) {
    if (!isAddressInRanges(chain[index]!, trustedProxies)) return chain[index]!;
  }
  return chain[0] ?? normalizeAddress(peer);
}

/** The client's IP address under this instance's CARE_DESK_TRUSTED_PROXIES. */
export function clientIpFrom(headers: Headers): string {
  return resolveClientIp(headers, deployment.trustedProxies);
}
