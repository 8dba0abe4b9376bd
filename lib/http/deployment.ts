// How this instance is reached (from lib/env): its public URL, the Host names it answers to and
// the reverse proxies it believes. Parsed once; proxy.ts and lib/http read it from here.
import { env, isProduction } from "../env";
import { buildHostRule, type HostRule } from "./host-allowlist";
import { parseIpRanges, type IpRanges } from "./ip-ranges";

export type Deployment = {
  /** CARE_DESK_PUBLIC_URL, parsed; null when unset. */
  publicUrl: URL | null;
  /** CARE_DESK_ALLOWED_HOSTS, lower-cased. */
  allowedHosts: readonly string[];
  /** CARE_DESK_TRUSTED_PROXIES. */
  trustedProxies: IpRanges;
  /** The host names answered to (lib/http/host-allowlist). */
  hostRule: HostRule;
  /** The Host allowlist applies (production, as `next start` runs). */
  enforceHosts: boolean;
  /** Browsers reach this instance over https: HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React needs eval for its error overlays. */
  development: boolean;
};

const publicUrl = env.CARE_DESK_PUBLIC_URL ? new URL(env.CARE_DESK_PUBLIC_URL) : null;
const allowedHosts = env.CARE_DESK_ALLOWED_HOSTS.map((host) => host.toLowerCase());

// Parsing throws on a malformed host or proxy entry; scripts/start.ts imports this module before
// it serves, and instrumentation.ts at server start, so that a typo is seen at once.
export const deployment: Deployment = {
  publicUrl,
  allowedHosts,
  hostRule: buildHostRule(publicUrl, allowedHosts),
  trustedProxies: parseIpRanges(env.CARE_DESK_TRUSTED_PROXIES),
  enforceHosts: isProduction,
  https: publicUrl?.protocol === "https:",
  development: env.NODE_ENV === "development",
};
