// Two-factor sign-in (TOTP, RFC 6238) with backup codes: better-auth's twoFactor plugin, as it is
// configured for Care Desk. The operations behind /account and the sign-in code step are in
// lib/auth/two-factor.ts.
import "server-only";
import { twoFactor } from "better-auth/plugins/two-factor";
import { env } from "../env";

/** Six digits every 30 seconds: what every authenticator app understands. */
export const totpDigits = 6;
export const totpPeriodSeconds = 30;
export const backupCodeCount = 10;

/** The name an authenticator app shows (CARE_DESK_NAME) and the cookie of a sign-in waiting for its code. */
export const twoFactorCookieName = "two_factor";

export function createTwoFactorPlugins() {
  return [
    twoFactor({
      issuer: env.CARE_DESK_NAME,
      totpOptions: { digits: totpDigits, period: totpPeriodSeconds },
      // Backup codes are kept encrypted with the auth secret; each works once.
      backupCodeOptions: { amount: backupCodeCount, length: 10, storeBackupCodes: "encrypted" },
      // Ten minutes to enter the code after the password; ten wrong codes lock the second factor for 15 minutes.
      twoFactorCookieMaxAge: 600,
      accountLockout: { enabled: true, maxFailedAttempts: 10, durationSeconds: 900 },
    }),
  ];
}
