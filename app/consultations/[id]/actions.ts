"use server";
// Server action of /consultations/[id]: an admin erases the consultation and all its rows (a
// member's right to erasure). Anyone can call a server action, so access and the typed
// confirmation are both checked here.

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { requireActionPermission } from "@/lib/auth/caller";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { log } from "@/lib/observability/log";
import { parseConsultationId } from "@/lib/schemas/ids";
import { eraseConsultation, erasedNothing } from "@/lib/writes/erase-consultation";
import type { FormResult } from "@/components/action-form";

export async function eraseConsultationAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("consultations:erase");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("erase");
  const id = parseConsultationId(String(form.get("consultationId") ?? ""));
  if (id === null) return { ok: false, message: t("notAnId") };
  if (String(form.get("confirmation") ?? "").trim() !== String(id)) {
    return { ok: false, message: t("typeToConfirm", { id: String(id) }) };
  }
  const counts = await eraseConsultation(guard.caller, BigInt(id));
  if (erasedNothing(counts)) return { ok: false, message: t("nothingStored", { id: String(id) }) };
  log.info({ consultationId: id, counts, by: guard.caller.userId }, "consultation erased");
  await recordAuditOrLog(guard.caller, await currentAuditContext(), {
    action: "consultation.erased",
    consultationId: id,
    detail: { statusChanges: counts.statusChanges, recommendations: counts.recommendations, recommendationItems: counts.recommendationItems, deliveries: counts.deliveries },
  });
  redirect(`/consultations?erased=${id}`);
}
