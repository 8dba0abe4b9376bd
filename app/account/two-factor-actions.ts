"use server";
// /account: turn two-factor sign-in on (password, then a code from the app) or off (password).

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { getTranslations } from "next-intl/server";
import { localized, localizeMessage } from "@/lib/i18n/server-messages";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment, type TwoFactorEnrolment } from "@/lib/auth/two-factor";

export type EnrolmentState = { ok: true; enrolment: TwoFactorEnrolment } | { ok: false; message: string } | null;
export type TwoFactorState = { ok: boolean; message: string } | null;

export async function startTwoFactorAction(_previous: EnrolmentState, form: FormData): Promise<EnrolmentState> {
  const guard = await requireActionPermission(null);
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const result = await startTwoFactorEnrolment(await headers(), String(form.get("password") ?? ""));
  return result.ok ? result : localized(result);
}

export async function confirmTwoFactorAction(_previous: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  const guard = await requireActionPermission(null);
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  // The words first: turning two-factor on replaces the session, and resolving the language
  // afterwards would look the old session up (better-auth then clears the new cookie).
  const t = await getTranslations("twoFactor");
  const result = await confirmTwoFactorEnrolment(await headers(), String(form.get("code") ?? ""));
  if (!result.ok) return localized(result);
  await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "two_factor.enrolled", subjectUserId: guard.caller.userId, detail: {} });
  revalidatePath("/", "layout");
  return { ok: true, message: t("turnedOn") };
}

export async function disableTwoFactorAction(_previous: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  const guard = await requireActionPermission(null);
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("twoFactor");
  const result = await disableTwoFactor(await headers(), String(form.get("password") ?? ""));
  if (!result.ok) return localized(result);
  await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "two_factor.removed", subjectUserId: guard.caller.userId, detail: {} });
  revalidatePath("/", "layout");
  return { ok: true, message: t("turnedOff") };
}
