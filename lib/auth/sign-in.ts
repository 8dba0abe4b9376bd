// Password sign-in and sign-out for the /sign-in form, the setup page and the tests. The limits
// (lib/auth/sign-in-limits.ts) run inside better-auth's hooks, so the HTTP endpoint has them too.
import "server-only";
import { APIError } from "better-auth/api";
import { getAuth, signInFailedMessage } from "./auth";

export type SignInResult =
  | { ok: true; userId: string; setCookies: string[] }
  | { ok: false; status: 401 | 429; message: string; retryAfterSeconds: number | null }
  // The password was right and the user has two-factor on: no session yet, only the two_factor
  // cookie (in setCookies) for the code step (lib/auth/two-factor.ts verifySignInCode).
  | { ok: false; status: "two-factor"; message: string; retryAfterSeconds: null; setCookies: string[] };

/**
 * Signs in with email and password. With the nextCookies plugin the session cookie is set on the
 * current response (server action); setCookies also carries it for callers outside Next.js.
 */
export async function signInWithPassword(email: string, password: string, headers: Headers): Promise<SignInResult> {
  const auth = await getAuth();
  try {
    const { headers: responseHeaders, response } = await auth.api.signInEmail({
      body: { email: email.trim(), password, rememberMe: true },
      headers,
      returnHeaders: true,
    });
    if ("twoFactorRedirect" in response && response.twoFactorRedirect) {
      return { ok: false, status: "two-factor", message: "Enter the code from your authenticator app.", retryAfterSeconds: null, setCookies: responseHeaders.getSetCookie() };
    }
    return { ok: true, userId: response.user.id, setCookies: responseHeaders.getSetCookie() };
  } catch (error) {
    if (!(error instanceof APIError) || error.statusCode >= 500) throw error;
    const limited = error.statusCode === 429;
    const retryAfter = limited ? Number(new Headers(error.headers).get("retry-after")) : NaN;
    // One message for every refusal: unknown email, wrong password, locked, disabled.
    return { ok: false, status: limited ? 429 : 401, message: signInFailedMessage, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null };
  }
}

/** Ends the current session (the cookie is cleared on the current response). */
export async function signOutCurrent(headers: Headers): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers });
}

/** Ends every session of the signed-in user, this one included. */
export async function signOutEverywhere(headers: Headers): Promise<void> {
  const auth = await getAuth();
  await auth.api.revokeSessions({ headers });
  await auth.api.signOut({ headers }).catch(() => undefined);
}

/** Changes the signed-in user's password and ends their other sessions. */
export async function changeOwnPassword(headers: Headers, currentPassword: string, newPassword: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const auth = await getAuth();
  try {
    await auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof APIError) || error.statusCode >= 500) throw error;
    const message = error.body?.code === "INVALID_PASSWORD" ? "The current password is not correct." : (error.body?.message ?? "The password was not changed.");
    return { ok: false, message };
  }
}
