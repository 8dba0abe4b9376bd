// GET /account — the signed-in user: language and digits, change password, two-factor sign-in, sign out everywhere
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { isAdminTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { getUiSettings } from "@/lib/i18n/settings";
import { ClientMessages } from "@/components/client-messages";
import { PasswordChangeForm } from "@/components/password-change-form";
import { PreferencesForm } from "@/components/preferences-form";
import { TwoFactorSettings } from "@/components/two-factor-settings";
import { signOutEverywhereAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission(null, "/account");
  const changed = (await searchParams).password === "changed";
  const mustEnrol = caller.role === "admin" && !caller.twoFactorEnabled && (await isAdminTwoFactorRequired());
  const [t, roles, ui] = await Promise.all([getTranslations("account"), getTranslations("roles"), getUiSettings()]);
  return (
    <ClientMessages namespaces={["account", "twoFactor", "forms", "language"]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {mustEnrol ? (
          <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
            {t("mustEnrol")}
          </p>
        ) : null}
        <p className="text-slate-800">
          <bdi>{caller.name}</bdi> · <bdi>{caller.email}</bdi> · {roles(caller.role)}
        </p>
        <section aria-labelledby="language-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="language-heading" className="text-lg font-semibold">
            {t("languageHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("languageHelp")}</p>
          <PreferencesForm locale={ui.locale} digits={ui.digits} />
        </section>
        <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="password-heading" className="text-lg font-semibold">
            {t("passwordHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("passwordRule")}</p>
          {changed ? (
            <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-950">
              {t("passwordChanged")}
            </p>
          ) : null}
          <PasswordChangeForm />
        </section>
        <section aria-labelledby="two-factor-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="two-factor-heading" className="text-lg font-semibold">
            {t("twoFactorHeading")}
          </h2>
          <TwoFactorSettings enabled={caller.twoFactorEnabled} />
        </section>
        <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="sessions-heading" className="text-lg font-semibold">
            {t("sessionsHeading")}
          </h2>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100">
              {t("signOutEverywhere")}
            </button>
          </form>
        </section>
      </div>
    </ClientMessages>
  );
}
