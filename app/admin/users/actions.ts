"use server";
// /admin/users: create users, set roles, disable, reset passwords, end sessions (admins only).

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import type { AuditEventInput } from "@/lib/audit/catalogue";
import { isRole } from "@/lib/auth/permissions";
import { resetUserPassword, revokeAllUserSessions, setUserDisabled, setUserRole, type AdminResult } from "@/lib/auth/user-admin";
import { AccountInputError, createUserAccount } from "@/lib/auth/users";
import type { FormResult } from "@/components/action-form";
import { getTranslations } from "next-intl/server";
import { localized, localizeMessage } from "@/lib/i18n/server-messages";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Runs an admin's change; when it worked, records `event` (the change, by this admin). */
async function asAdmin(work: (adminId: string) => Promise<AdminResult & { event?: AuditEventInput }>): Promise<FormResult> {
  const guard = await requireActionPermission("users:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const { event, ...result } = await work(guard.caller.userId);
  if (result.ok) {
    if (event) await recordAuditOrLog(guard.caller, await currentAuditContext(), event);
    revalidatePath("/admin/users");
  }
  return result;
}

const withEvent = (result: AdminResult, event: AuditEventInput) => ({ ...result, event });

export async function createUserAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return asAdmin(async () => {
    const role = text(form, "role");
    const t = await getTranslations("adminUsers");
    if (!isRole(role)) return { ok: false, message: t("chooseRole") };
    try {
      const email = text(form, "email").trim().toLowerCase();
      const { id } = await createUserAccount({ email: text(form, "email"), name: text(form, "name"), role, password: text(form, "password") });
      return withEvent({ ok: true, message: t("created", { email, role: (await getTranslations("roles"))(role) }) }, { action: "user.created", subjectUserId: id, detail: { email, role } });
    } catch (error) {
      if (error instanceof AccountInputError) return { ok: false, message: await localizeMessage(error.message) };
      throw error;
    }
  });
}

export async function setRoleAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const userId = text(form, "userId");
  return asAdmin(async (adminId) =>
    withEvent(await localized(await setUserRole(await headers(), adminId, userId, text(form, "role"))), { action: "user.role_changed", subjectUserId: userId, detail: { role: text(form, "role") } }),
  );
}

export async function setDisabledAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const userId = text(form, "userId");
  const disabled = text(form, "disabled") === "true";
  return asAdmin(async (adminId) =>
    withEvent(await localized(await setUserDisabled(await headers(), adminId, userId, disabled)), { action: "user.disabled", subjectUserId: userId, detail: { disabled } }),
  );
}

export async function resetPasswordAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const userId = text(form, "userId");
  return asAdmin(async () =>
    withEvent(await localized(await resetUserPassword(await headers(), userId, text(form, "password"))), { action: "user.changed", subjectUserId: userId, detail: { change: "password_reset" } }),
  );
}

export async function revokeSessionsAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const userId = text(form, "userId");
  return asAdmin(async () =>
    withEvent(await localized(await revokeAllUserSessions(await headers(), userId)), { action: "user.changed", subjectUserId: userId, detail: { change: "sessions_revoked" } }),
  );
}
