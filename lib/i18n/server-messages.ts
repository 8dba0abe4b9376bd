// Messages that lib/ modules word in English (password rules, the better-auth wrappers, the
// action guards) and server actions pass on to a form: put into the request's language here, by
// the exact English text. A message not listed (one better-auth made up) is kept whole inside a
// translated sentence, so nothing is lost.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Messages } from "./messages";

type Key = keyof Messages["serverMessages"];
type Rule = { pattern: RegExp; key: Key; values?: (match: RegExpExecArray) => Record<string, string> };

const exact = (text: string, key: Key): Rule => ({ pattern: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`), key });

const rules: Rule[] = [
  exact("The email or password is not correct, or sign-in is paused for this account. Try again later.", "signInFailed"),
  exact("Enter the code from your authenticator app.", "enterCode"),
  exact("Enter the six-digit code from your authenticator app, or a backup code.", "enterCodeOrBackup"),
  exact("The current password is not correct.", "currentPasswordWrong"),
  exact("The password was not changed.", "passwordNotChanged"),
  exact("The password is not correct.", "passwordWrong"),
  exact("That code is not correct. Enter the current six-digit code, or one of your backup codes.", "codeWrong"),
  exact("Two-factor sign-in is already on.", "twoFactorAlreadyOn"),
  exact("This sign-in has expired or had too many wrong codes. Sign in with your password again.", "signInExpired"),
  exact("Too many wrong codes: two-factor sign-in is paused for this account. Try again in 15 minutes.", "twoFactorLocked"),
  exact("Two-factor sign-in could not be started.", "twoFactorNotStarted"),
  exact("The code was not accepted.", "codeNotAccepted"),
  exact("Two-factor sign-in was not turned off.", "twoFactorNotOff"),
  exact("You are signed out. Sign in again.", "signedOut"),
  exact("Set up two-factor sign-in at /account first: it is required for admins.", "enrolFirst"),
  exact("Your role may not do this.", "roleMayNot"),
  exact("The user could not be created.", "userNotCreated"),
  exact("That did not work.", "didNotWork"),
  exact("Ask another admin to change your own role or access.", "ownRole"),
  exact("Unknown role.", "unknownRole"),
  exact("Enter a valid email address.", "invalidEmail"),
  exact("The role must be admin, coordinator or auditor.", "roleMustBe"),
  exact("Account disabled; its sessions ended.", "accountDisabled"),
  exact("Account enabled.", "accountEnabled"),
  exact("Password reset; the user's sessions ended.", "passwordReset"),
  exact("Sessions ended.", "sessionsEnded"),
  exact("This password is one of the 10,000 most common passwords (or one with digits added): choose another.", "passwordCommon"),
  exact("A token needs a name of 1 to 100 characters.", "tokenName"),
  exact("Expiry must be 1 to 3650 days.", "tokenExpiry"),
  { pattern: /^User already exists\b/i, key: "emailTaken" },
  { pattern: /^Role set to (\w+)\.$/, key: "roleSet", values: (match) => ({ role: match[1]! }) },
  { pattern: /^The password must be at least (\d+) characters long\.$/, key: "passwordTooShort", values: (match) => ({ min: match[1]! }) },
  { pattern: /^The password must be at most (\d+) characters long\.$/, key: "passwordTooLong", values: (match) => ({ max: match[1]! }) },
];

/** Which catalogue entry an English message is, and its values; "unknown" (the message kept) when none. */
export function serverMessageKey(message: string): { key: Key; values: Record<string, string> } {
  for (const rule of rules) {
    const match = rule.pattern.exec(message);
    if (match) return { key: rule.key, values: rule.values?.(match) ?? {} };
  }
  return { key: "unknown", values: { message } };
}

/** The message in the request's language. */
export async function localizeMessage(message: string): Promise<string> {
  const t = await getTranslations("serverMessages");
  const { key, values } = serverMessageKey(message);
  if (key === "roleSet") {
    const roles = await getTranslations("roles");
    return t(key, { role: roles.has(values.role as "admin") ? roles(values.role as "admin") : values.role! });
  }
  return t(key, values);
}

/** A form state with its message localized (null stays null). */
export async function localized<T extends { message: string } | null>(state: T): Promise<T> {
  if (state === null) return state;
  return { ...state, message: await localizeMessage(state.message) };
}
