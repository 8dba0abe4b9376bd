// Reads for /alerts and the header badge: firing and recent alerts, the rules as they apply now,
// and the notification outbox with its failures.
import "server-only";
import { assertPermission, hasPermission, type Caller } from "../auth/permissions";
import { readDb } from "../db";
import { env } from "../env";
import { alertRules, effectiveRules, isAlertRuleKey, type EffectiveRule } from "../alerts/rules";

export type AlertDto = {
  id: number;
  rule: string;
  label: string;
  firing: boolean;
  firedAt: Date;
  resolvedAt: Date | null;
  value: number;
  threshold: number;
  unit: string;
  summary: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
};

export type NotificationDto = {
  id: number;
  alertId: number;
  rule: string;
  event: string;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
};

export type AlertsOverview = {
  firing: AlertDto[];
  recent: AlertDto[];
  rules: EffectiveRule[];
  notifications: NotificationDto[];
  webhookConfigured: boolean;
  businessHours: string;
  timeZone: string;
};

type AlertRow = { id: number; rule: string; openRule: string | null; firedAt: Date; resolvedAt: Date | null; value: number; threshold: number; summary: string; acknowledgedAt: Date | null; acknowledgedBy: string | null };

const toDto = (row: AlertRow): AlertDto => ({
  id: row.id,
  rule: row.rule,
  label: isAlertRuleKey(row.rule) ? alertRules[row.rule].label : row.rule,
  firing: row.openRule !== null,
  firedAt: row.firedAt,
  resolvedAt: row.resolvedAt,
  value: row.value,
  threshold: row.threshold,
  unit: isAlertRuleKey(row.rule) ? alertRules[row.rule].unit : "",
  summary: row.summary,
  acknowledgedAt: row.acknowledgedAt,
  acknowledgedBy: row.acknowledgedBy,
});

export async function getAlertsOverview(caller: Caller): Promise<AlertsOverview> {
  assertPermission(caller, "alerts:read");
  const db = await readDb();
  const [firing, recent, overrides, notifications] = await Promise.all([
    db.alert.findMany({ where: { openRule: { not: null } }, orderBy: { firedAt: "desc" } }),
    db.alert.findMany({ where: { openRule: null }, orderBy: [{ firedAt: "desc" }, { id: "desc" }], take: 50 }),
    db.alertRuleSetting.findMany(),
    // Undelivered first (pending and failed), then the last delivered ones.
    Promise.all([
      db.alertNotification.findMany({ where: { deliveredAt: null }, orderBy: { id: "desc" }, take: 50, include: { alert: { select: { rule: true } } } }),
      db.alertNotification.findMany({ where: { deliveredAt: { not: null } }, orderBy: { id: "desc" }, take: 20, include: { alert: { select: { rule: true } } } }),
    ]),
  ]);
  return {
    firing: firing.map(toDto),
    recent: recent.map(toDto),
    rules: effectiveRules(overrides),
    notifications: notifications.flat().map((row) => ({
      id: row.id,
      alertId: row.alertId,
      rule: row.alert.rule,
      event: row.event,
      createdAt: row.createdAt,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      lastAttemptAt: row.lastAttemptAt,
      deliveredAt: row.deliveredAt,
      lastError: row.lastError,
    })),
    webhookConfigured: env.CARE_DESK_ALERT_WEBHOOK_URL !== undefined,
    businessHours: env.ALERT_BUSINESS_HOURS.text,
    timeZone: env.CARE_DESK_TIME_ZONE,
  };
}

/** The header badge: how many alerts are firing; null for a caller who may not see alerts. */
export async function countFiringAlertsFor(caller: Caller): Promise<number | null> {
  if (!hasPermission(caller.role, "alerts:read")) return null;
  const db = await readDb();
  return db.alert.count({ where: { openRule: { not: null } } });
}
