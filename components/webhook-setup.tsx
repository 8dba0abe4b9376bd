import Link from "next/link";
import { useTranslations } from "next-intl";

const code = (chunks: React.ReactNode) => (
  <code className="font-mono text-sm" dir="ltr">
    {chunks}
  </code>
);

/** The empty state: how to send this instance its first consultation. */
export function WebhookSetup({ webhookUrl, authConfigured }: { webhookUrl: string; authConfigured: boolean }) {
  const t = useTranslations("webhookSetup");
  return (
    <section aria-labelledby="setup-heading" className="space-y-4 rounded-lg border border-dashed border-slate-300 bg-white p-6" data-testid="empty-state">
      <h2 id="setup-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose text-slate-700">{t.rich("intro", { code })}</p>
      <p>
        <code className="block overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-sm text-white" dir="ltr" data-testid="webhook-url">
          {webhookUrl}
        </code>
      </p>
      <ol className="max-w-prose list-decimal space-y-1 ps-5 text-slate-700">
        <li>
          {authConfigured
            ? t.rich("credentials", { code })
            : t.rich("generated", {
                code,
                link: (chunks) => (
                  <Link href="/admin/settings" prefetch={false} className="text-sky-800 underline">
                    {chunks}
                  </Link>
                ),
              })}
        </li>
        <li>{t("test")}</li>
        <li>
          {t.rich("listed", {
            link: (chunks) => (
              <Link href="/deliveries" prefetch={false} className="text-sky-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </li>
      </ol>
    </section>
  );
}
