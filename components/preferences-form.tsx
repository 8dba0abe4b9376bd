"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { savePreferencesAction, type PreferencesState } from "@/app/account/language-actions";
import type { Digits, UiLocale } from "@/lib/i18n/locales";
import { FormMessage } from "./action-form";

const field = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

/** /account: the UI language and the digits, saved for the signed-in user. */
export function PreferencesForm({ locale, digits }: { locale: UiLocale; digits: Digits }) {
  const [state, action, pending] = useActionState<PreferencesState, FormData>(savePreferencesAction, null);
  const t = useTranslations("account");
  const languages = useTranslations("language");
  return (
    <form action={action} className="flex max-w-xl flex-wrap items-end gap-4" aria-label={t("languageHeading")}>
      <label className="block text-sm font-medium text-slate-800">
        {t("languageLabel")}
        <select name="locale" defaultValue={locale} className={field}>
          <option value="en" lang="en">
            {languages("en")}
          </option>
          <option value="ar" lang="ar">
            {languages("ar")}
          </option>
        </select>
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {t("digitsLabel")}
        <select name="digits" defaultValue={digits} className={field}>
          <option value="latn">{t("digitsLatn")}</option>
          <option value="arab">{t("digitsArab")}</option>
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-60">
        {t("savePreferences")}
      </button>
      <FormMessage state={state ? { ok: state.ok, message: state.ok ? t("preferencesSaved") : t("preferencesRefused") } : null} className="basis-full" />
    </form>
  );
}
