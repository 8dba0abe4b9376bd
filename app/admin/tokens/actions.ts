"use server";
// /admin/tokens: create (shown once) and revoke API tokens (admins only).

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { isRole } from "@/lib/auth/permissions";
import type { FormResult } from "@/components/action-form";

export async function createTokenAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("tokens:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const role = String(form.get("role") ?? "");
  const daysText = String(form.get("expiresDays") ?? "").trim();
  const days = daysText === "" ? null : Number(daysText);
  if (!isRole(role)) return { ok: false, message: "Choose a role." };
  try {
    const { id, token } = await createApiToken({ name: String(form.get("name") ?? ""), role, expiresInDays: days, createdBy: guard.caller.email });
    await recordAuditOrLog(guard.caller, await currentAuditContext(), {
      action: "token.created",
      subjectTokenId: id,
      detail: { name: String(form.get("name") ?? "").trim().slice(0, 200), role, expiresInDays: days },
    });
    revalidatePath("/admin/tokens");
    return { ok: true, message: "Token created. Copy it now: it is shown only this once.", secret: token };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : "The token was not created." };
  }
}

export async function revokeTokenAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("tokens:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const tokenId = String(form.get("tokenId") ?? "");
  const revoked = await revokeApiToken(tokenId);
  if (revoked) await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "token.revoked", subjectTokenId: tokenId, detail: {} });
  revalidatePath("/admin/tokens");
  return revoked ? { ok: true, message: "Token revoked." } : { ok: false, message: "That token was already revoked." };
}
