"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { disableTwoFactorAction, type TwoFactorState } from "@/app/account/two-factor-actions";
import { FormMessage } from "./action-form";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

export function TwoFactorDisableForm() {
  const [state, action, pending] = useActionState<TwoFactorState, FormData>(disableTwoFactorAction, null);
  const t = useTranslations("twoFactor");
  const fields = useTranslations("forms");
  return (
    <form action={action} className="max-w-sm space-y-3" aria-label={t("turnOff")}>
      <label className="block text-sm font-medium text-slate-800">
        {fields("password")}
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60">
        {t("turnOff")}
      </button>
    </form>
  );
}
