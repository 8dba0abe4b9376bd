"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setupAction, type SetupState } from "@/app/setup/actions";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setupAction, null);
  const t = useTranslations("setup");
  const fields = useTranslations("forms");
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <label className="block text-sm font-medium text-slate-800">
        {fields("email")}
        <input name="email" type="email" autoComplete="username" required className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {fields("name")}
        <input name="name" type="text" autoComplete="name" required maxLength={100} className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {fields("password")}
        <input name="password" type="password" autoComplete="new-password" required minLength={12} className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {fields("passwordAgain")}
        <input name="confirmPassword" type="password" autoComplete="new-password" required minLength={12} className={field} />
      </label>
      <p className="text-sm text-slate-700">{t("passwordRule")}</p>
      {state ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-800 disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
