"use server";
// /admin/tokens: create (shown once) and revoke API tokens (admins only).

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { isRole } from "@/lib/auth/permissions";
import type { FormResult } from "@/components/action-form";
import { getTranslations } from "next-intl/server";
import { localizeMessage } from "@/lib/i18n/server-messages";

export async function createTokenAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("tokens:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("adminTokens");
  const role = String(form.get("role") ?? "");
  const daysText = String(form.get("expiresDays") ?? "").trim();
  const days = daysText === "" ? null : Number(daysText);
  if (!isRole(role)) return { ok: false, message: t("chooseRole") };
  try {
    const { id, token } = await createApiToken({ name: String(form.get("name") ?? ""), role, expiresInDays: days, createdBy: guard.caller.email });
    await recordAuditOrLog(guard.caller, await currentAuditContext(), {
      action: "token.created",
      subjectTokenId: id,
      detail: { name: String(form.get("name") ?? "").trim().slice(0, 200), role, expiresInDays: days },
    });
    revalidatePath("/admin/tokens");
    return { ok: true, message: t("createdMessage"), secret: token };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? await localizeMessage(error.message) : t("notCreated") };
  }
}

export async function revokeTokenAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("tokens:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("adminTokens");
  const tokenId = String(form.get("tokenId") ?? "");
  const revoked = await revokeApiToken(tokenId);
  if (revoked) await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "token.revoked", subjectTokenId: tokenId, detail: {} });
  revalidatePath("/admin/tokens");
  return revoked ? { ok: true, message: t("revokedMessage") } : { ok: false, message: t("alreadyRevoked") };
}
