"use server";
// Server actions of /admin/settings: reveal and rotate the stored webhook signing secret. Each
// checks access itself (anyone who can reach the app can call a server action).

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { ensureStoredSecret, rotateStoredSecret } from "@/lib/webhooks/signing-secret";

/** The whole current secret, for the page's Reveal and Copy buttons; null for anyone but an admin. */
export async function revealWebhookSecretAction(): Promise<string | null> {
  const guard = await requireActionPermission("settings:manage");
  if (!guard.ok) return null;
  return (await ensureStoredSecret()).current;
}

/** A new secret from now on; the previous one stays valid for 24 hours. */
export async function rotateWebhookSecretAction(): Promise<void> {
  const guard = await requireActionPermission("settings:manage");
  if (!guard.ok) return;
  await rotateStoredSecret();
  await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "setting.changed", detail: { setting: "webhook_secret" } });
  revalidatePath("/admin/settings");
}
