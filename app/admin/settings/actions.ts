"use server";
// Server actions of /admin/settings: reveal and rotate the stored webhook signing secret. Each
// checks access itself (anyone who can reach the app can call a server action).

import { revalidatePath } from "next/cache";
import { requireSettingsAccess } from "@/lib/admin/require-settings-access";
import { ensureStoredSecret, rotateStoredSecret } from "@/lib/webhooks/signing-secret";

/** The whole current secret, for the page's Reveal and Copy buttons. */
export async function revealWebhookSecretAction(): Promise<string> {
  await requireSettingsAccess();
  return (await ensureStoredSecret()).current;
}

/** A new secret from now on; the previous one stays valid for 24 hours. */
export async function rotateWebhookSecretAction(): Promise<void> {
  await requireSettingsAccess();
  await rotateStoredSecret();
  revalidatePath("/admin/settings");
}
