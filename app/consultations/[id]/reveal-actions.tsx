"use server";
// The consultation page's Reveal: the pass code, dispense link and QR code of one recommendation
// version, sent only once the reveal is recorded in the audit trail (passcode:reveal).

import { getTranslations } from "next-intl/server";
import { DispenseDetails } from "@/components/dispense-panel";
import type { RevealAnswer } from "@/components/dispense-reveal";
import { requireActionPermission } from "@/lib/auth/caller";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { getConsultation } from "@/lib/data/consultation";
import { presentDispense } from "@/lib/present/dispense";

export async function revealDispenseAction(consultationId: unknown, version: unknown): Promise<RevealAnswer> {
  const guard = await requireActionPermission("passcode:reveal");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("revealAction");
  if (typeof consultationId !== "number" || !Number.isSafeInteger(consultationId) || consultationId < 1) return { ok: false, message: t("unknownConsultation") };
  if (typeof version !== "number" || !Number.isSafeInteger(version)) return { ok: false, message: t("unknownVersion") };
  const detail = await getConsultation(guard.caller, consultationId);
  const recommendation = detail?.recommendations.find((rec) => rec.version === version);
  if (!recommendation) return { ok: false, message: t("versionGone") };
  const presentation = presentDispense(recommendation.dispense);
  if (presentation.kind === "none") return { ok: false, message: t("none") };
  const recorded = await recordBeforeShowing(guard.caller, await currentAuditContext(), {
    action: "passcode.revealed",
    consultationId,
    recommendationId: recommendation.id,
    detail: {},
  });
  if (!recorded) return { ok: false, message: t("auditDown") };
  return { ok: true, node: <DispenseDetails presentation={presentation} /> };
}
