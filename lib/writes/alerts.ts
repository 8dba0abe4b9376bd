// What an admin does on /alerts: acknowledge an alert, change or reset a rule's threshold. Each
// returns what changed, for the audit trail (alert.acknowledged, alert_rule.changed).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { writeTransaction } from "../db";
import { alertRules, effectiveRules, type AlertRuleKey } from "../alerts/rules";

const who = (caller: Caller) => (caller.kind === "user" ? caller.email : `token:${caller.name}`);

/** Marks an alert as seen by this admin (firing or resolved); false when it was already acknowledged or does not exist. */
export async function acknowledgeAlert(caller: Caller, alertId: number, now = new Date()): Promise<{ acknowledged: boolean; alertId: number; rule: string | null }> {
  assertPermission(caller, "alerts:manage");
  return writeTransaction(async (tx) => {
    const changed = await tx.alert.updateMany({ where: { id: alertId, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedBy: who(caller) } });
    const alert = await tx.alert.findUnique({ where: { id: alertId }, select: { rule: true } });
    return { acknowledged: changed.count === 1, alertId, rule: alert?.rule ?? null };
  });
}

export type RuleSetting = { threshold: number; businessHoursOnly: boolean };
export type RuleChange = { rule: AlertRuleKey; before: RuleSetting; after: RuleSetting; changed: boolean };

export const maxThreshold = 1_000_000;

/**
 * Sets a rule's threshold (0 turns it off) and, for feed silence, whether only business hours
 * count; `reset` drops the override, so the environment's default applies again.
 */
export async function updateAlertRule(caller: Caller, rule: AlertRuleKey, setting: RuleSetting | "reset", now = new Date()): Promise<RuleChange> {
  assertPermission(caller, "alerts:manage");
  if (setting !== "reset" && (!Number.isInteger(setting.threshold) || setting.threshold < 0 || setting.threshold > maxThreshold)) {
    throw new RangeError(`The threshold must be a whole number from 0 to ${maxThreshold}.`);
  }
  if (rule === "rejected_percent" && setting !== "reset" && setting.threshold > 100) throw new RangeError("A percentage is at most 100.");
  return writeTransaction(async (tx) => {
    const existing = await tx.alertRuleSetting.findMany({ where: { rule } });
    const [before] = effectiveRules(existing).filter((entry) => entry.key === rule);
    if (setting === "reset") {
      await tx.alertRuleSetting.deleteMany({ where: { rule } });
    } else {
      const data = { threshold: setting.threshold, businessHoursOnly: rule === "feed_silence" && setting.businessHoursOnly, updatedAt: now, updatedBy: who(caller) };
      await tx.alertRuleSetting.upsert({ where: { rule }, create: { rule, ...data }, update: data });
    }
    const after = setting === "reset" ? { threshold: alertRules[rule].defaultThreshold, businessHoursOnly: effectiveRules([]).find((entry) => entry.key === rule)!.businessHoursOnly } : setting;
    const beforeSetting = { threshold: before!.threshold, businessHoursOnly: before!.businessHoursOnly };
    const afterSetting = { threshold: after.threshold, businessHoursOnly: rule === "feed_silence" && after.businessHoursOnly };
    return { rule, before: beforeSetting, after: afterSetting, changed: JSON.stringify(beforeSetting) !== JSON.stringify(afterSetting) };
  });
}

/** Sends a notification that gave up (or is waiting for its next attempt) again at the next delivery run. */
export async function retryAlertNotification(caller: Caller, notificationId: number, now = new Date()): Promise<boolean> {
  assertPermission(caller, "alerts:manage");
  return writeTransaction(async (tx) => {
    const changed = await tx.alertNotification.updateMany({ where: { id: notificationId, deliveredAt: null }, data: { attempts: 0, nextAttemptAt: now, claimedUntil: null } });
    return changed.count === 1;
  });
}
