"use server";
// The UI language and digits: the header's switch (anyone: the `locale` cookie; signed in: their
// own preference too) and /account's settings (the signed-in user's own preference).

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAudit } from "@/lib/audit/record";
import { isDigits, isUiLocale, localeCookie, type Digits, type UiLocale } from "@/lib/i18n/locales";
import { saveOwnPreferences } from "@/lib/writes/user-preferences";

const oneYearSeconds = 365 * 24 * 60 * 60;

async function setLocaleCookie(locale: UiLocale): Promise<void> {
  // No script reads it: httpOnly like every other cookie here.
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: oneYearSeconds, sameSite: "lax", httpOnly: true });
}

async function savePreferences(change: { locale?: UiLocale; digits?: Digits }): Promise<boolean> {
  const guard = await requireActionPermission(null);
  if (!guard.ok) return false;
  const result = await saveOwnPreferences(guard.caller, change);
  // Fails closed: a change that cannot be recorded throws (the page shows the error).
  if (result.changed) {
    await recordAudit(guard.caller, await currentAuditContext(), {
      action: "account.preferences_changed",
      subjectUserId: guard.caller.userId,
      detail: { locale: result.after.locale, digits: result.after.digits },
    });
  }
  return true;
}

/** The header's one-click switch: the cookie for anyone (sign-in page too), and the signed-in user's preference. */
export async function setLanguageAction(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (!isUiLocale(locale)) return;
  await setLocaleCookie(locale);
  // Signed out, the cookie is all there is (savePreferences answers false).
  await savePreferences({ locale });
  revalidatePath("/", "layout");
}

export type PreferencesState = { ok: boolean } | null;

/** /account: language and digits, saved for the signed-in user. */
export async function savePreferencesAction(_previous: PreferencesState, form: FormData): Promise<PreferencesState> {
  const locale = form.get("locale");
  const digits = form.get("digits");
  if (!isUiLocale(locale) || !isDigits(digits)) return { ok: false };
  if (!(await savePreferences({ locale, digits }))) return { ok: false };
  await setLocaleCookie(locale);
  revalidatePath("/", "layout");
  return { ok: true };
}
