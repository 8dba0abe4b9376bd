// evaluateAlerts: measures every rule and moves each alert through its life, once: fired when
// its condition becomes true, firing while it stays true, resolved once when it clears. The
// database keeps it single across instances: a firing alert holds its rule's key in the unique
// column Alert.openRule, so a second instance's INSERT of the same rule does nothing, and the
// resolve is a conditional UPDATE only one instance can win. Only the winner enqueues the
// notification, in the same transaction. Nothing here is kept in memory between runs.
import "server-only";
import { readDb, writeBatch } from "../db";
import { enqueueNotification } from "./notify";
import { measureRule } from "./measure";
import { effectiveRules, type AlertRuleKey, type EffectiveRule } from "./rules";

export type EvaluationReport = { evaluated: number; fired: AlertRuleKey[]; resolved: AlertRuleKey[] };

export async function loadEffectiveRules(): Promise<EffectiveRule[]> {
  const db = await readDb();
  return effectiveRules(await db.alertRuleSetting.findMany());
}

const fireSql = `
  INSERT INTO "Alert" ("rule", "openRule", "firedAt", "value", "threshold", "summary")
  VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT ("openRule") DO NOTHING
  RETURNING "id"`;

const resolveSql = `UPDATE "Alert" SET "openRule" = NULL, "resolvedAt" = ? WHERE "id" = ? AND "openRule" IS NOT NULL`;

async function fire(rule: EffectiveRule, value: number, summary: string, now: Date): Promise<boolean> {
  return writeBatch(async (session) => {
    const row = await session.get<{ id: number | bigint }>(fireSql, [rule.key, rule.key, now, value, rule.threshold, summary]);
    if (!row) return false; // already firing (another instance fired it a moment ago)
    await enqueueNotification(session, { id: Number(row.id), rule: rule.key, value, threshold: rule.threshold, summary, firedAt: now, resolvedAt: null }, "firing", now);
    return true;
  });
}

type OpenAlert = { id: number; rule: string; value: number; threshold: number; firedAt: Date };

async function resolve(open: OpenAlert, rule: EffectiveRule, summary: string, now: Date): Promise<boolean> {
  return writeBatch(async (session) => {
    if ((await session.run(resolveSql, [now, open.id])) === 0) return false; // another instance resolved it
    await enqueueNotification(session, { ...open, rule: rule.key, summary, resolvedAt: now }, "resolved", now);
    return true;
  });
}

/** Evaluates every rule at `now` (the scheduler runs it every minute on one instance; running it on several at once is safe too). */
export async function evaluateAlerts(now: Date = new Date()): Promise<EvaluationReport> {
  const db = await readDb();
  const [rules, open] = await Promise.all([
    loadEffectiveRules(),
    db.alert.findMany({ where: { openRule: { not: null } }, select: { id: true, rule: true, value: true, threshold: true, firedAt: true } }),
  ]);
  const firing = new Map<string, OpenAlert>(open.map((alert) => [alert.rule, alert]));
  const report: EvaluationReport = { evaluated: 0, fired: [], resolved: [] };
  for (const rule of rules) {
    // Threshold 0: the rule is off, and an alert it left firing resolves.
    if (rule.threshold === 0) {
      const alert = firing.get(rule.key);
      if (alert && (await resolve(alert, rule, "The rule was turned off.", now))) report.resolved.push(rule.key);
      continue;
    }
    report.evaluated++;
    const measured = await measureRule(rule, now);
    if (measured.firing && !firing.has(rule.key)) {
      if (await fire(rule, measured.value, measured.summary, now)) report.fired.push(rule.key);
    } else if (!measured.firing && firing.has(rule.key)) {
      if (await resolve(firing.get(rule.key)!, rule, measured.summary, now)) report.resolved.push(rule.key);
    }
  }
  return report;
}

/** How many alerts are firing now (the care_desk_alerts_firing gauge, the header badge). */
export async function countFiringAlerts(): Promise<number> {
  const db = await readDb();
  return db.alert.count({ where: { openRule: { not: null } } });
}
