"use server";
// /alerts: acknowledge an alert, change or reset a rule, send a failed notification again (admins).

import { revalidatePath } from "next/cache";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { requireActionPermission } from "@/lib/auth/caller";
import { isAlertRuleKey } from "@/lib/alerts/rules";
import { acknowledgeAlert, retryAlertNotification, updateAlertRule } from "@/lib/writes/alerts";
import type { FormResult } from "@/components/action-form";

export async function acknowledgeAlertAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("alerts:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const alertId = Number(form.get("alertId"));
  if (!Number.isSafeInteger(alertId) || alertId < 1) return { ok: false, message: "No such alert." };
  const result = await acknowledgeAlert(guard.caller, alertId);
  if (result.acknowledged) await recordAuditOrLog(guard.caller, await currentAuditContext(), { action: "alert.acknowledged", detail: { alertId } });
  revalidatePath("/alerts");
  return result.acknowledged ? { ok: true, message: "Acknowledged." } : { ok: false, message: "That alert was already acknowledged." };
}

export async function updateAlertRuleAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("alerts:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const rule = form.get("rule");
  if (!isAlertRuleKey(rule)) return { ok: false, message: "No such rule." };
  const reset = form.get("intent") === "reset";
  const text = String(form.get("threshold") ?? "").trim();
  const threshold = Number(text);
  if (!reset && (text === "" || !Number.isInteger(threshold))) return { ok: false, message: "Enter a whole number (0 turns the rule off)." };
  try {
    const change = await updateAlertRule(guard.caller, rule, reset ? "reset" : { threshold, businessHoursOnly: form.get("businessHoursOnly") === "on" });
    revalidatePath("/alerts");
    if (!change.changed) return { ok: true, message: "Nothing changed." };
    await recordAuditOrLog(guard.caller, await currentAuditContext(), {
      action: "alert_rule.changed",
      detail: { rule, change: reset ? "reset" : "updated", threshold: change.after.threshold, businessHoursOnly: change.after.businessHoursOnly },
    });
    return { ok: true, message: change.after.threshold === 0 ? "Saved: the rule is off." : `Saved: threshold ${change.after.threshold}.` };
  } catch (error) {
    return { ok: false, message: error instanceof RangeError ? error.message : "The rule was not saved." };
  }
}

export async function retryNotificationAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const guard = await requireActionPermission("alerts:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const retried = await retryAlertNotification(guard.caller, Number(form.get("notificationId")));
  revalidatePath("/alerts");
  return retried ? { ok: true, message: "It will be sent again at the next delivery run (within a minute)." } : { ok: false, message: "That notification was already delivered." };
}
