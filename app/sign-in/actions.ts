"use server";
// The /sign-in form's action: email + password through better-auth (limits included), then back
// to the page the visitor wanted (same-host paths only).

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defaultNextPath } from "@/lib/auth/caller";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { signInWithPassword } from "@/lib/auth/sign-in";

export type SignInState = { message: string; email: string } | null;

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const result = await signInWithPassword(email, password, await headers());
  if (!result.ok) return { message: result.message, email };
  redirect(safeNextPath(form.get("next"), defaultNextPath));
}
