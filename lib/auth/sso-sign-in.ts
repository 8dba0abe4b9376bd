// Starting an SSO sign-in from the /sign-in page: better-auth keeps the state (and PKCE verifier)
// and answers with the identity provider's authorization URL; the provider sends the browser back
// to /api/auth/callback/oidc, which signs in (or refuses: lib/auth/sso.ts validateSsoUserInfo).
import "server-only";
import { getAuth } from "./auth";
import { ssoConfig } from "./sso";

/** Known refusals of an SSO sign-in (better-auth's ?error= codes), in words a person can act on. */
export function describeSsoError(code: string, providerName: string): string {
  switch (code) {
    case "no_care_desk_role":
      return `Your ${providerName} account has no Care Desk role, so you are not signed in. Ask your administrator to add you to one of the Care Desk groups.`;
    case "account_not_linked":
      return `A Care Desk account with this email already exists, and ${providerName} did not confirm the email as verified, so the two were not joined. Sign in with your password, or ask your administrator.`;
    case "BANNED_USER":
      return "This account is disabled. Ask your administrator.";
    case "access_denied":
      return `Sign-in was cancelled at ${providerName}. You are not signed in.`;
    default:
      return `Single sign-on did not complete (${code}). You are not signed in; try again, or ask your administrator.`;
  }
}

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
