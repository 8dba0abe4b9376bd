// What a person does with two-factor sign-in: enrol at /account (password again, then a code from
// the authenticator app), turn it off, and pass the code step after the password at /sign-in.
// better-auth's twoFactor plugin (lib/auth/two-factor-plugin.ts) does the work; these are its
// server-side calls, with messages a person can act on.
import "server-only";
import QRCode from "qrcode";
import { APIError } from "better-auth/api";
import { auditContextFrom, recordAuditOrLog } from "../audit/record";
import { readDb } from "../db";
import { getAuth } from "./auth";
import { countSignIn } from "../observability/sign-in-metrics";

export type TwoFactorResult = { ok: true } | { ok: false; message: string };

export type TwoFactorEnrolment = {
  /** The otpauth:// URI the QR code holds. */
  uri: string;
  /** The same secret as text (base32), for apps that cannot scan. */
  secret: string;
  /** An SVG image of the QR code, as a data: URL. */
  qrCode: string;
  /** Ten single-use codes, shown once. */
  backupCodes: string[];
};

function messageFor(error: unknown, fallback: string): string {
  if (!(error instanceof APIError) || error.statusCode >= 500) throw error;
  switch (error.body?.code) {
    case "INVALID_PASSWORD":
      return "The password is not correct.";
    case "INVALID_CODE":
    case "INVALID_BACKUP_CODE":
      return "That code is not correct. Enter the current six-digit code, or one of your backup codes.";
    case "TOTP_ALREADY_ENABLED":
      return "Two-factor sign-in is already on.";
    case "INVALID_TWO_FACTOR_COOKIE":
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
      return "This sign-in has expired or had too many wrong codes. Sign in with your password again.";
    case "ACCOUNT_TEMPORARILY_LOCKED":
      return "Too many wrong codes: two-factor sign-in is paused for this account. Try again in 15 minutes.";
    default:
      return error.body?.message ?? fallback;
  }
}

/** Step 1 at /account: checks the password, creates a secret (not active until confirmed). */
export async function startTwoFactorEnrolment(headers: Headers, password: string): Promise<{ ok: true; enrolment: TwoFactorEnrolment } | { ok: false; message: string }> {
  const auth = await getAuth();
  try {
    const result = await auth.api.enableTwoFactor({ body: { password }, headers });
    if (!("totpURI" in result) || !result.totpURI) return { ok: false, message: "Two-factor sign-in could not be started." };
    const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
    const svg = await QRCode.toString(result.totpURI, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
    return {
      ok: true,
      enrolment: { uri: result.totpURI, secret, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, backupCodes: result.backupCodes ?? [] },
    };
  } catch (error) {
    return { ok: false, message: messageFor(error, "Two-factor sign-in could not be started.") };
  }
}

/** Step 2 at /account: the first correct code turns two-factor on (the session is renewed). */
export async function confirmTwoFactorEnrolment(headers: Headers, code: string): Promise<TwoFactorResult> {
  const auth = await getAuth();
  try {
    await auth.api.verifyTOTP({ body: { code: code.replace(/\s+/g, "") }, headers });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: messageFor(error, "The code was not accepted.") };
  }
}

/** Turns two-factor off (password again); the secret and backup codes are deleted. */
export async function disableTwoFactor(headers: Headers, password: string): Promise<TwoFactorResult> {
  const auth = await getAuth();
  try {
    await auth.api.disableTwoFactor({ body: { password }, headers });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: messageFor(error, "Two-factor sign-in was not turned off.") };
  }
}

/** A six-digit code is a TOTP code; anything else is tried as a backup code (xxxxx-xxxxx). */
export const isTotpCode = (code: string) => /^\d{6}$/.test(code);

/**
 * The code step of a password sign-in (the two_factor cookie names the waiting sign-in). On
 * success the session cookie is set on the current response (nextCookies) and in setCookies.
 */
export async function verifySignInCode(headers: Headers, rawCode: string): Promise<{ ok: true; setCookies: string[] } | { ok: false; message: string }> {
  const code = rawCode.replace(/\s+/g, "");
  if (code === "" || code.length > 64) return { ok: false, message: "Enter the six-digit code from your authenticator app, or a backup code." };
  const auth = await getAuth();
  const context = auditContextFrom(headers);
  try {
    const { headers: responseHeaders, response } = isTotpCode(code)
      ? await auth.api.verifyTOTP({ body: { code }, headers, returnHeaders: true })
      : await auth.api.verifyBackupCode({ body: { code }, headers, returnHeaders: true });
    countSignIn("success");
    const user = (response as { user?: { id: string; email: string; role?: string | null } }).user;
    if (user) await recordAuditOrLog({ kind: "user-id", userId: user.id, email: user.email, role: user.role ?? null }, context, { action: "sign_in.succeeded", detail: { method: "two_factor" } });
    return { ok: true, setCookies: responseHeaders.getSetCookie() };
  } catch (error) {
    countSignIn("failed");
    const message = messageFor(error, "The code was not accepted.");
    await recordAuditOrLog(null, context, { action: "sign_in.failed", outcome: "denied", detail: { email: "", method: "two_factor" } });
    return { ok: false, message };
  }
}

/** Whether the user has two-factor sign-in on, for /account. */
export async function getTwoFactorEnabled(userId: string): Promise<boolean> {
  const db = await readDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } });
  return user?.twoFactorEnabled === true;
}
