// GET /sign-in — email and password, then the two-factor code; SSO when configured (?next= a same-host path; ?error= a refused SSO sign-in)
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { defaultNextPath, getCaller } from "@/lib/auth/caller";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { ssoDisplayName } from "@/lib/auth/sso";
import { ClientMessages } from "@/components/client-messages";
import { SignInForm } from "@/components/sign-in-form";
import { SsoSignInButton } from "@/components/sso-sign-in-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

/** The SSO errors the page words itself; any other code is named in a general message. */
const ssoErrors = ["no_care_desk_role", "account_not_linked", "BANNED_USER", "access_denied"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next, defaultNextPath);
  if (await getCaller()) redirect(next);
  const t = await getTranslations("signIn");
  // Only a code better-auth put in the URL is shown (as a known message), never free text from it.
  const ssoError = typeof params.error === "string" && /^[A-Za-z_]{1,64}$/.test(params.error) ? params.error : null;
  const provider = ssoDisplayName ?? t("ssoFallbackName");
  const known = ssoErrors.find((code) => code === ssoError);
  return (
    <section className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-6" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {ssoError ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="sso-refused">
          <p className="font-medium">{t("notSignedIn")}</p>
          <p>{known ? t(`ssoErrors.${known}`, { provider }) : t("ssoErrors.other", { code: ssoError })}</p>
        </div>
      ) : null}
      <ClientMessages namespaces={["signIn", "forms"]}>
        <SignInForm next={next} />
      </ClientMessages>
      {ssoDisplayName ? (
        <>
          <p className="text-center text-sm text-slate-600">{t("or")}</p>
          <SsoSignInButton name={ssoDisplayName} next={next} />
        </>
      ) : null}
    </section>
  );
}
