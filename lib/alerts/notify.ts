// Alert notifications: an outbox (AlertNotification) filled in the same transaction that fires or
// resolves an alert, and sent to CARE_DESK_ALERT_WEBHOOK_URL by deliverAlertNotifications (a job
// the scheduler runs every minute). Each message is claimed by one instance before it is sent, and
// retried with exponential backoff until it is accepted (2xx) or maxAttempts is reached.
import "server-only";
import { readDb, writeTransaction, type WriteSession } from "../db";
import { env, instanceName, publicBaseUrl } from "../env";
import { alertRules, type AlertRuleKey } from "./rules";

export const maxAttempts = 10;
const firstRetryMs = 30_000;
const maxRetryMs = 60 * 60_000;
const sendTimeoutMs = 10_000;
const claimMs = 60_000;

/** When the attempt after `attempts` failed ones is due: 30 s, 1 min, 2 min, … at most an hour. */
export const retryDelayMs = (attempts: number) => Math.min(maxRetryMs, firstRetryMs * 2 ** Math.max(0, attempts - 1));

export type AlertEvent = "firing" | "resolved";

export type NotificationPayload = {
  /** Slack (and Mattermost, Teams' Slack-compatible hooks) show this. */
  text: string;
  alert_id: number;
  rule: AlertRuleKey;
  rule_label: string;
  state: AlertEvent;
  value: number;
  threshold: number;
  unit: string;
  summary: string;
  since: string;
  resolved_at: string | null;
  instance: string;
  link: string;
};

type AlertFacts = { id: number; rule: AlertRuleKey; value: number; threshold: number; summary: string; firedAt: Date; resolvedAt: Date | null };

export function notificationPayload(alert: AlertFacts, state: AlertEvent): NotificationPayload {
  const rule = alertRules[alert.rule];
  const link = `${publicBaseUrl ?? ""}/alerts`;
  const text =
    state === "firing"
      ? `:rotating_light: ${instanceName}: ${rule.label} is firing (${alert.value} ${rule.unit}, threshold ${alert.threshold}). ${alert.summary} ${link}`
      : `:white_check_mark: ${instanceName}: ${rule.label} resolved (firing since ${alert.firedAt.toISOString()}). ${alert.summary} ${link}`;
  return {
    text,
    alert_id: alert.id,
    rule: alert.rule,
    rule_label: rule.label,
    state,
    value: alert.value,
    threshold: alert.threshold,
    unit: rule.unit,
    summary: alert.summary,
    since: alert.firedAt.toISOString(),
    resolved_at: alert.resolvedAt?.toISOString() ?? null,
    instance: instanceName,
    link,
  };
}

const enqueueSql = `
  INSERT INTO "AlertNotification" ("alertId", "event", "payload", "createdAt", "attempts", "nextAttemptAt")
  VALUES (?, ?, ?, ?, 0, ?)
  ON CONFLICT ("alertId", "event") DO NOTHING`;

/** Inside the transaction that fired or resolved the alert; nothing when no webhook URL is set. */
export async function enqueueNotification(session: WriteSession, alert: AlertFacts, state: AlertEvent, now: Date): Promise<void> {
  if (!env.CARE_DESK_ALERT_WEBHOOK_URL) return;
  await session.run(enqueueSql, [alert.id, state, JSON.stringify(notificationPayload(alert, state)), now, now]);
}

export type DeliveryReport = { sent: number; failed: number };

async function send(url: string, payload: string): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "care-desk-alerts" },
      body: payload,
      redirect: "error",
      signal: AbortSignal.timeout(sendTimeoutMs),
    });
    if (response.ok) {
      await response.body?.cancel();
      return null;
    }
    const text = (await response.text().catch(() => "")).slice(0, 200);
    return `HTTP ${response.status}${text ? `: ${text}` : ""}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))).slice(0, 200);
  }
}

/**
 * Sends every notification that is due (oldest first, at most 50 a run). Several instances may
 * run it at once: a conditional update claims each message for one of them.
 */
export async function deliverAlertNotifications(now: Date = new Date()): Promise<DeliveryReport> {
  const url = env.CARE_DESK_ALERT_WEBHOOK_URL;
  const report: DeliveryReport = { sent: 0, failed: 0 };
  if (!url) return report;
  const db = await readDb();
  const due = await db.alertNotification.findMany({
    where: { deliveredAt: null, attempts: { lt: maxAttempts }, nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { id: "asc" },
    take: 50,
  });
  for (const message of due) {
    const claimed = await writeTransaction((tx) =>
      tx.alertNotification.updateMany({
        where: { id: message.id, deliveredAt: null, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
        data: { claimedUntil: new Date(now.getTime() + claimMs) },
      }),
    );
    if (claimed.count === 0) continue;
    const error = await send(url, message.payload);
    const attempts = message.attempts + 1;
    await writeTransaction((tx) =>
      tx.alertNotification.update({
        where: { id: message.id },
        data:
          error === null
            ? { attempts, deliveredAt: now, lastAttemptAt: now, claimedUntil: null }
            : { attempts, lastAttemptAt: now, lastError: error, claimedUntil: null, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
      }),
    );
    if (error === null) report.sent++;
    else report.failed++;
  }
  return report;
}
