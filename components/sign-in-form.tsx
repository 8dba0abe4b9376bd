"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, verifyCodeAction, type SignInState } from "@/app/sign-in/actions";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";
const submit = "w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-800 disabled:opacity-60";

function Alert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      {message}
    </p>
  ) : null;
}

/** The second factor, after a correct password: a code from the authenticator app, or a backup code. */
function CodeStep({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(verifyCodeAction, null);
  const t = useTranslations("signIn");
  return (
    <form action={action} className="space-y-4" aria-label={t("codeForm")}>
      <input type="hidden" name="next" value={next} />
      <p className="text-sm text-slate-800">{t("codeHelp")}</p>
      <label className="block text-sm font-medium text-slate-800">
        {t("code")}
        <input name="code" autoComplete="one-time-code" required autoFocus maxLength={64} className={field} />
      </label>
      <Alert message={state?.message} />
      <button type="submit" disabled={pending} className={submit}>
        {t("verify")}
      </button>
    </form>
  );
}

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const t = useTranslations("signIn");
  const fields = useTranslations("forms");
  if (state?.step === "code") return <CodeStep next={next} />;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <label className="block text-sm font-medium text-slate-800">
        {fields("email")}
        <input name="email" type="email" autoComplete="username" required defaultValue={state?.email} className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {fields("password")}
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      <Alert message={state?.message} />
      <button type="submit" disabled={pending} className={submit}>
        {t("submit")}
      </button>
    </form>
  );
}
