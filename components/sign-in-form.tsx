"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/sign-in/actions";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <label className="block text-sm font-medium text-slate-800">
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={state?.email} className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      {state ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-800 disabled:opacity-60">
        Sign in
      </button>
    </form>
  );
}
