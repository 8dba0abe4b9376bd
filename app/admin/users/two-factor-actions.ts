"use server";
// /admin/users: the setting "two-factor sign-in required for admins" (settings:manage).

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { setAdminTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { getTwoFactorEnabled } from "@/lib/auth/two-factor";
import type { FormResult } from "@/components/action-form";

export async function setAdminTwoFactorAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("settings:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const required = form.get("required") === "true";
  // Requiring it while having none would send this admin straight to /account: enrol first.
  if (required && !(await getTwoFactorEnabled(guard.caller.userId))) {
    return { ok: false, message: "Turn on two-factor sign-in for your own account first (at /account)." };
  }
  await setAdminTwoFactorRequired(required);
  await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "setting.changed", detail: { setting: "admin_two_factor_required", value: required } });
  revalidatePath("/admin/users");
  return { ok: true, message: required ? "Two-factor sign-in is now required for admins." : "Two-factor sign-in is no longer required for admins." };
}
