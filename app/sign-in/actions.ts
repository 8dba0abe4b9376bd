"use server";
// The /sign-in form's actions: email + password through better-auth (limits included), the code
// step when the user has two-factor on, and the start of an SSO sign-in; then back to the page the
// visitor wanted (same-host paths only).

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defaultNextPath } from "@/lib/auth/caller";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { startSsoSignIn } from "@/lib/auth/sso-sign-in";
import { verifySignInCode } from "@/lib/auth/two-factor";
import { localizeMessage } from "@/lib/i18n/server-messages";

/** step "code": the password was right; the form now asks for the second factor. email: as typed, kept after a failure. */
export type SignInState = { message: string | null; email?: string; step?: "code" } | null;

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const result = await signInWithPassword(email, password, await headers());
  if (!result.ok) return result.status === "two-factor" ? { message: null, email, step: "code" } : { message: await localizeMessage(result.message), email };
  redirect(safeNextPath(form.get("next"), defaultNextPath));
}

export async function verifyCodeAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const result = await verifySignInCode(await headers(), String(form.get("code") ?? ""));
  if (!result.ok) return { message: await localizeMessage(result.message), step: "code" };
  redirect(safeNextPath(form.get("next"), defaultNextPath));
}

export async function signInWithSsoAction(form: FormData): Promise<void> {
  const { url } = await startSsoSignIn(await headers(), safeNextPath(form.get("next"), defaultNextPath));
  redirect(url);
}
