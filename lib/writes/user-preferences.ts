// A signed-in user's own UI preferences (lib/i18n): language and digits. Only ever the caller's
// own row: nobody sets another user's language.
import "server-only";
import type { Caller } from "../auth/permissions";
import { writeTransaction } from "../db";
import type { Digits, UiLocale } from "../i18n/locales";

export type UserPreferences = { locale?: UiLocale; digits?: Digits };

/** Saves what is given (a field left out is kept); the values before and after, for the audit trail. */
export async function saveOwnPreferences(caller: Extract<Caller, { kind: "user" }>, change: UserPreferences) {
  return writeTransaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: caller.userId }, select: { locale: true, digits: true } });
    const after = await tx.user.update({ where: { id: caller.userId }, data: change, select: { locale: true, digits: true } });
    return { before, after, changed: before.locale !== after.locale || before.digits !== after.digits };
  });
}
