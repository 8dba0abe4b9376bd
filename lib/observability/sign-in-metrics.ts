// care_desk_sign_in_total{outcome}: password sign-ins (better-auth's hooks, so the form and the
// HTTP endpoint alike), the code step of two-factor sign-in, and single sign-on callbacks.
import "server-only";
import { metrics } from "./metrics";

export type SignInOutcome = "success" | "second_factor" | "failed" | "limited";

export function countSignIn(outcome: SignInOutcome): void {
  metrics.signIns.inc({ outcome });
}

const statusOf = (value: unknown): number | null =>
  value instanceof Error && "statusCode" in value && typeof value.statusCode === "number" ? value.statusCode : null;

/** What a password sign-in endpoint returned: a session, a request for the second factor, or an error. */
export function passwordOutcome(returned: unknown): SignInOutcome {
  if (returned instanceof Error) return statusOf(returned) === 429 ? "limited" : "failed";
  if (typeof returned === "object" && returned !== null && "twoFactorRedirect" in returned && returned.twoFactorRedirect) return "second_factor";
  return "success";
}

/** An SSO callback always redirects: to the app (signed in) or to /sign-in?error=… (refused). */
export function ssoOutcome(returned: unknown): SignInOutcome {
  const location = returned instanceof Error && "headers" in returned ? new Headers(returned.headers as HeadersInit).get("location") : null;
  if (statusOf(returned) !== null && statusOf(returned)! >= 400) return "failed";
  return location !== null && /[?&]error=/.test(location) ? "failed" : "success";
}
