"use server";
// /audit: "Verify now" walks the whole chain (audit:read), records the run, and refreshes the page.

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { FormResult } from "@/components/action-form";
import { getTranslations } from "next-intl/server";
import { verificationMessageKey } from "@/lib/i18n/verification-message";
import { localizeMessage } from "@/lib/i18n/server-messages";

export async function verifyAuditChainAction(): Promise<FormResult> {
  const guard = await requireActionPermission("audit:read");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("audit");
  try {
    const result = await verifyAuditChain("page");
    await recordAudit(guard.caller, await currentAuditContext(), {
      action: "audit.verified",
      outcome: "allowed",
      detail: { outcome: result.outcome, events: result.events, firstBadSeq: result.firstBadSeq === null ? null : Number(result.firstBadSeq) },
    });
    revalidatePath("/audit");
    const known = verificationMessageKey(result.message);
    return { ok: result.outcome === "intact", message: known ? t(`verification.${known.key}`, known.values) : result.message };
  } catch (error) {
    console.error("audit: verification failed to run", error);
    return { ok: false, message: t("verificationFailed") };
  }
}
