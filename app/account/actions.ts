"use server";
// The signed-in user's own session and password: sign out, sign out everywhere, change password.

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { getTranslations } from "next-intl/server";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { changeOwnPassword, signOutCurrent, signOutEverywhere } from "@/lib/auth/sign-in";

export async function signOutAction(): Promise<void> {
  const guard = await requireActionPermission(null);
  if (guard.ok) await signOutCurrent(await headers());
  redirect("/sign-in");
}

export async function signOutEverywhereAction(): Promise<void> {
  const guard = await requireActionPermission(null);
  if (guard.ok) {
    // Recorded first: once every session is gone, nothing names who asked.
    await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "sign_out", detail: { everywhere: true } });
    await signOutEverywhere(await headers());
  }
  redirect("/sign-in");
}

export type PasswordChangeState = { ok: boolean; message: string } | null;

export async function changePasswordAction(_previous: PasswordChangeState, form: FormData): Promise<PasswordChangeState> {
  const guard = await requireActionPermission(null);
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const current = String(form.get("currentPassword") ?? "");
  const next = String(form.get("newPassword") ?? "");
  if (next !== String(form.get("confirmPassword") ?? "")) return { ok: false, message: (await getTranslations("serverMessages"))("passwordsDiffer") };
  const result = await changeOwnPassword(await headers(), current, next);
  if (!result.ok) return { ok: false, message: await localizeMessage(result.message) };
  // The change replaced this session too (its new cookie is on this response): load the page
  // again with it, rather than re-render this request with the old one.
  redirect("/account?password=changed");
}
