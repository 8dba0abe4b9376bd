"use server";
// /audit: "Verify now" walks the whole chain (audit:read), records the run, and refreshes the page.

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { FormResult } from "@/components/action-form";

export async function verifyAuditChainAction(): Promise<FormResult> {
  const guard = await requireActionPermission("audit:read");
  if (!guard.ok) return { ok: false, message: guard.message };
  try {
    const result = await verifyAuditChain("page");
    await recordAudit(guard.caller, await currentAuditContext(), {
      action: "audit.verified",
      outcome: "allowed",
      detail: { outcome: result.outcome, events: result.events, firstBadSeq: result.firstBadSeq === null ? null : Number(result.firstBadSeq) },
    });
    revalidatePath("/audit");
    return { ok: result.outcome === "intact", message: result.message };
  } catch (error) {
    console.error("audit: verification failed to run", error);
    return { ok: false, message: "The verification could not run (or could not be recorded). Try again in a moment." };
  }
}
