"use server";
// The first-run setup form's action: the first admin, then signed in.

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auditContextFrom, recordAuditOrLog } from "@/lib/audit/record";
import { completeSetup } from "@/lib/auth/setup-link";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AccountInputError } from "@/lib/auth/users";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { getTranslations } from "next-intl/server";

export type SetupState = { message: string } | null;

export async function setupAction(_previous: SetupState, form: FormData): Promise<SetupState> {
  const input = {
    token: String(form.get("token") ?? ""),
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    password: String(form.get("password") ?? ""),
  };
  if (input.password !== String(form.get("confirmPassword") ?? "")) return { message: (await getTranslations("serverMessages"))("setupPasswordsDiffer") };
  try {
    const { userId } = await completeSetup(input);
    // Nobody is signed in yet: the setup link is the credential.
    await recordAuditOrLog({ kind: "anonymous", label: "first-run setup link" }, auditContextFrom(await headers()), {
      action: "user.created",
      subjectUserId: userId,
      detail: { email: input.email.trim().toLowerCase(), role: "admin" },
    });
  } catch (error) {
    if (error instanceof AccountInputError) return { message: await localizeMessage(error.message) };
    throw error;
  }
  const signedIn = await signInWithPassword(input.email, input.password, await headers());
  redirect(signedIn.ok ? "/admin/users" : "/sign-in");
}
