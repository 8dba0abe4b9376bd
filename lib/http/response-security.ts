// What every answer gets before it leaves, wherever it is made: proxy.ts for pages and route
// handlers, and lib/webhooks/front-receiver.ts for webhooks received in front of Next.js. A
// request for a Host this instance does not serve is answered 421; every answer carries the
// security headers with a fresh CSP nonce.
import { buildContentSecurityPolicy, createNonce } from "./content-security-policy";
import { deployment } from "./deployment";
import { isHostAllowed } from "./host-allowlist";
import { misdirectedResponse } from "./misdirected-response";
import { requestedHostFrom } from "./public-origin";
import { applySecurityHeaders } from "./security-headers";
import { printPageRulesFor } from "../present/print-page-rule";

export type ResponseSecurity = {
  nonce: string;
  contentSecurityPolicy: string;
  /** Adds the security headers to `response` (its headers must be mutable) and returns it. */
  secure: (response: Response) => Response;
};

/** The CSP and security headers for one request to `pathname`. */
export function responseSecurityFor(pathname: string, searchParams: URLSearchParams): ResponseSecurity {
  const nonce = createNonce();
  const contentSecurityPolicy = buildContentSecurityPolicy({
    nonce,
    development: deployment.development,
    https: deployment.https,
    inlineStyles: printPageRulesFor(pathname, searchParams),
  });
  const secure = (response: Response) => {
    applySecurityHeaders(response.headers, { contentSecurityPolicy, https: deployment.https, pathname });
    return response;
  };
  return { nonce, contentSecurityPolicy, secure };
}

/** The 421 answer when the request names a Host this instance does not serve (webhooks too: a sender that uses another name must be listed like any browser), else null. */
export function misdirectedAnswer(headers: Headers, pathname: string): Response | null {
  const host = requestedHostFrom(headers);
  return deployment.enforceHosts && !isHostAllowed(host, deployment.hostRule) ? misdirectedResponse(pathname, host) : null;
}
