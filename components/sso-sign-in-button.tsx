import { useTranslations } from "next-intl";
import { signInWithSsoAction } from "@/app/sign-in/actions";

/** "Sign in with <provider>": a plain form POST to a server action that redirects to the provider. */
export function SsoSignInButton({ name, next }: { name: string; next: string }) {
  const t = useTranslations("signIn");
  return (
    <form action={signInWithSsoAction}>
      <input type="hidden" name="next" value={next} />
      <button type="submit" className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100">
        {t.rich("sso", { name, provider: (chunks) => <bdi>{chunks}</bdi> })}
      </button>
    </form>
  );
}
