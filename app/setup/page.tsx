// GET /setup?token=… — first run: the first admin chooses email, name and password (link printed at start)
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isSetupTokenUsable } from "@/lib/auth/setup-link";
import { ClientMessages } from "@/components/client-messages";
import { SetupForm } from "@/components/setup-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("pageTitle") };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  const usable = typeof token === "string" && (await isSetupTokenUsable(token));
  const t = await getTranslations("setup");
  return (
    <section className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-6" aria-labelledby="setup-heading">
      <h1 id="setup-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {usable ? (
        <ClientMessages namespaces={["setup", "forms"]}>
          <SetupForm token={token} />
        </ClientMessages>
      ) : (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
          {t.rich("invalid", { command: () => <code className="font-mono" dir="ltr">npm run user:create</code> })}
        </p>
      )}
    </section>
  );
}
