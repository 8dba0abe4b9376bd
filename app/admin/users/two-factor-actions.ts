"use server";
// /admin/users: the setting "two-factor sign-in required for admins" (settings:manage).

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { setAdminTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { getTwoFactorEnabled } from "@/lib/auth/two-factor";
import type { FormResult } from "@/components/action-form";
import { getTranslations } from "next-intl/server";
import { localizeMessage } from "@/lib/i18n/server-messages";

export async function setAdminTwoFactorAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("settings:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("adminUsers");
  const required = form.get("required") === "true";
  // Requiring it while having none would send this admin straight to /account: enrol first.
  if (required && !(await getTwoFactorEnabled(guard.caller.userId))) {
    return { ok: false, message: t("enrolFirst") };
  }
  await setAdminTwoFactorRequired(required);
  await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "setting.changed", detail: { setting: "admin_two_factor_required", value: required } });
  revalidatePath("/admin/users");
  return { ok: true, message: required ? t("nowRequired") : t("noLongerRequired") };
}
