"use server";
// /admin/users: create users, set roles, disable, reset passwords, end sessions (admins only).

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireActionPermission } from "@/lib/auth/caller";
import { isRole } from "@/lib/auth/permissions";
import { resetUserPassword, revokeAllUserSessions, setUserDisabled, setUserRole, type AdminResult } from "@/lib/auth/user-admin";
import { AccountInputError, createUserAccount } from "@/lib/auth/users";
import type { FormResult } from "@/components/action-form";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

async function asAdmin(work: (adminId: string) => Promise<AdminResult>): Promise<FormResult> {
  const guard = await requireActionPermission("users:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const result = await work(guard.caller.userId);
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function createUserAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return asAdmin(async () => {
    const role = text(form, "role");
    if (!isRole(role)) return { ok: false, message: "Choose a role." };
    try {
      await createUserAccount({ email: text(form, "email"), name: text(form, "name"), role, password: text(form, "password") });
      return { ok: true, message: `Created ${text(form, "email").trim().toLowerCase()} (${role}).` };
    } catch (error) {
      if (error instanceof AccountInputError) return { ok: false, message: error.message };
      throw error;
    }
  });
}

export async function setRoleAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return asAdmin(async (adminId) => setUserRole(await headers(), adminId, text(form, "userId"), text(form, "role")));
}

export async function setDisabledAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return asAdmin(async (adminId) => setUserDisabled(await headers(), adminId, text(form, "userId"), text(form, "disabled") === "true"));
}

export async function resetPasswordAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return asAdmin(async () => resetUserPassword(await headers(), text(form, "userId"), text(form, "password")));
}

export async function revokeSessionsAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  return asAdmin(async () => revokeAllUserSessions(await headers(), text(form, "userId")));
}
