import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { webhookUrlFrom } from "@/lib/http/webhook-url";
import { ensureStoredSecret, webhookAuthSource } from "@/lib/webhooks/signing-secret";
import { maskSecret, validSecrets, type StoredSecret } from "@/lib/webhooks/stored-secret";
import { ClientMessages } from "@/components/client-messages";
import { SecretReveal } from "@/components/secret-reveal";
import { revealWebhookSecretAction, rotateWebhookSecretAction } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSettings"))("title") };
}

const isPreviousSecretValid = (stored: StoredSecret) => validSecrets(stored, new Date()).length > 1;

/** The webhook settings: the URL to give Altibbi and the signing secret this instance keeps. */
export default async function SettingsPage() {
  await requirePagePermission("settings:manage", "/admin/settings");
  const [stored, requestHeaders] = await Promise.all([ensureStoredSecret(), headers()]);
  const previousValid = isPreviousSecretValid(stored);
  const [t, time, locale] = await Promise.all([getTranslations("adminSettings"), getTranslations("time"), getLocale()]);
  const utc = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = (value: string) => time("utc", { time: utc.format(new Date(value)) });
  const code = (chunks: React.ReactNode) => (
    <code className="font-mono" dir="ltr">
      {chunks}
    </code>
  );
  return (
    <article className="max-w-3xl space-y-6" aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <section aria-labelledby="webhook-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="webhook-heading" className="text-lg font-semibold">
          {t("webhooks")}
        </h2>
        {webhookAuthSource === "environment" ? (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="env-overrides">
            {t.rich("envOverrides", { code })}
          </p>
        ) : null}
        <div className="space-y-1">
          <h3 className="text-sm font-medium text-slate-700">{t("webhookUrl")}</h3>
          <code className="block overflow-x-auto rounded-md bg-slate-100 px-4 py-2 font-mono text-sm" data-testid="settings-webhook-url" dir="ltr">
            {webhookUrlFrom(requestHeaders)}
          </code>
        </div>
        <div className="space-y-1">
          <h3 className="text-sm font-medium text-slate-700">{t("signingSecret")}</h3>
          <ClientMessages namespaces={["secretReveal"]}>
            <SecretReveal masked={maskSecret(stored.current)} reveal={revealWebhookSecretAction} />
          </ClientMessages>
          <p className="text-sm text-slate-600">
            {t("generated", { date: date(stored.createdAt) })}
            {stored.rotatedAt ? ` ${t("rotated", { date: date(stored.rotatedAt) })}` : ""}
            {previousValid ? ` ${t("previousValid", { date: date(stored.previousValidUntil!) })}` : ""}
          </p>
        </div>
        <form action={rotateWebhookSecretAction}>
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            {t("rotate")}
          </button>
          <p className="mt-1 text-sm text-slate-600">{t("rotateHelp")}</p>
        </form>
      </section>
    </article>
  );
}
