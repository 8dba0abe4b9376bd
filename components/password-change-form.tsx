"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction, type PasswordChangeState } from "@/app/account/actions";
import { FormMessage } from "./action-form";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

export function PasswordChangeForm() {
  const [state, action, pending] = useActionState<PasswordChangeState, FormData>(changePasswordAction, null);
  const t = useTranslations("account");
  const fields = useTranslations("forms");
  return (
    <form action={action} className="max-w-sm space-y-3">
      <label className="block text-sm font-medium text-slate-800">
        {fields("currentPassword")}
        <input name="currentPassword" type="password" autoComplete="current-password" required className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {fields("newPassword")}
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={12} className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {fields("newPasswordAgain")}
        <input name="confirmPassword" type="password" autoComplete="new-password" required minLength={12} className={field} />
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-60">
        {t("changePassword")}
      </button>
    </form>
  );
}
