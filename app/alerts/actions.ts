"use server";
// /alerts: acknowledge an alert, change or reset a rule, send a failed notification again (admins).

import { revalidatePath } from "next/cache";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { requireActionPermission } from "@/lib/auth/caller";
import { isAlertRuleKey } from "@/lib/alerts/rules";
import { acknowledgeAlert, retryAlertNotification, updateAlertRule } from "@/lib/writes/alerts";
import type { FormResult } from "@/components/action-form";
import { getTranslations } from "next-intl/server";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { maxThreshold } from "@/lib/writes/alerts";

export async function acknowledgeAlertAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("alerts:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("alerts");
  const alertId = Number(form.get("alertId"));
  if (!Number.isSafeInteger(alertId) || alertId < 1) return { ok: false, message: t("noSuchAlert") };
  const result = await acknowledgeAlert(guard.caller, alertId);
  if (result.acknowledged) await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "alert.acknowledged", detail: { alertId } });
  revalidatePath("/alerts");
  return result.acknowledged ? { ok: true, message: t("acknowledged") } : { ok: false, message: t("alreadyAcknowledged") };
}

export async function updateAlertRuleAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("alerts:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("alerts");
  const rule = form.get("rule");
  if (!isAlertRuleKey(rule)) return { ok: false, message: t("noSuchRule") };
  const reset = form.get("intent") === "reset";
  const text = String(form.get("threshold") ?? "").trim();
  const threshold = Number(text);
  if (!reset && (text === "" || !Number.isInteger(threshold))) return { ok: false, message: t("wholeNumber") };
  try {
    const change = await updateAlertRule(guard.caller, rule, reset ? "reset" : { threshold, businessHoursOnly: form.get("businessHoursOnly") === "on" });
    revalidatePath("/alerts");
    if (!change.changed) return { ok: true, message: t("nothingChanged") };
    await recordAuditOrLog(guard.caller, await currentAuditContext(), {
      action: "alert_rule.changed",
      detail: { rule, change: reset ? "reset" : "updated", threshold: change.after.threshold, businessHoursOnly: change.after.businessHoursOnly },
    });
    return { ok: true, message: change.after.threshold === 0 ? t("savedOff") : t("savedThreshold", { threshold: change.after.threshold }) };
  } catch (error) {
    if (!(error instanceof RangeError)) return { ok: false, message: t("notSaved") };
    // lib/writes/alerts.ts refuses in English: the two ranges it checks, worded here.
    return { ok: false, message: error.message.startsWith("A percentage") ? t("percentMax") : t("tooHigh", { max: maxThreshold }) };
  }
}

export async function retryNotificationAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("alerts:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("alerts");
  const retried = await retryAlertNotification(guard.caller, Number(form.get("notificationId")));
  revalidatePath("/alerts");
  return retried ? { ok: true, message: t("retried") } : { ok: false, message: t("alreadyDelivered") };
}
