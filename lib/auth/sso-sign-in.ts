// Starting an SSO sign-in from the /sign-in page: better-auth keeps the state (and PKCE verifier)
// and answers with the identity provider's authorization URL; the provider sends the browser back
// to /api/auth/callback/oidc, which signs in (or refuses: lib/auth/sso.ts validateSsoUserInfo).
import "server-only";
import { getAuth } from "./auth";
import { ssoConfig } from "./sso";

/**
 * The URL to send the browser to; after sign-in it comes back to `next` (a same-host path). The
 * state cookie is set on the current response (nextCookies) and returned in setCookies.
 */
export async function startSsoSignIn(headers: Headers, next: string): Promise<{ url: string; setCookies: string[] }> {
  if (!ssoConfig) throw new Error("single sign-on is not configured");
  const auth = await getAuth();
  const { headers: responseHeaders, response } = await auth.api.signInSocial({
    body: { provider: ssoConfig.providerId, callbackURL: next, errorCallbackURL: "/sign-in", disableRedirect: true },
    headers,
    returnHeaders: true,
  });
  if (!response.url) throw new Error("single sign-on: no authorization URL");
  return { url: response.url, setCookies: responseHeaders.getSetCookie() };
}
