// Measures each alert rule at an instant: is its condition true, with what value, and a sentence
// for people. Reads only (indexes: WebhookDelivery(outcome, id), Consultation(status, statusUs, id),
// PayloadShape(firstSeenAt)).
import "server-only";
import { readDb } from "../db";
import { env } from "../env";
import { isDocumented, type ShapeKind } from "../drift/contract";
import { unrecordedCountIn } from "../webhooks/refusal-sampler";
import { businessMinutesBetween } from "./business-hours";
import type { AlertRuleKey, EffectiveRule } from "./rules";

export type Measurement = { firing: boolean; value: number; summary: string };

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const toMicros = (date: Date) => BigInt(date.getTime()) * 1000n;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const listed = (ids: unknown[], more: number) => `${ids.join(", ")}${more > ids.length ? `, and ${more - ids.length} more` : ""}`;

async function feedSilence(rule: EffectiveRule, now: Date): Promise<Measurement> {
  const db = await readDb();
  const last = await db.webhookDelivery.findFirst({ where: { outcome: "processed" }, orderBy: { id: "desc" }, select: { receivedAt: true } });
  // A feed that never started is not silent: there is nothing yet to miss.
  if (!last) return { firing: false, value: 0, summary: "No delivery has been processed yet." };
  const since = last.receivedAt;
  const minutes = rule.businessHoursOnly
    ? businessMinutesBetween(since, now, env.ALERT_BUSINESS_HOURS, env.CARE_DESK_TIME_ZONE, rule.threshold)
    : Math.max(0, Math.floor((now.getTime() - since.getTime()) / minuteMs));
  const hours = rule.businessHoursOnly ? ` business minutes (${env.ALERT_BUSINESS_HOURS.text}, ${env.CARE_DESK_TIME_ZONE})` : " minutes";
  return {
    firing: minutes >= rule.threshold,
    value: minutes,
    summary: `No processed delivery for ${minutes}${minutes >= rule.threshold && rule.businessHoursOnly ? "+" : ""}${hours}; the last was received at ${since.toISOString()}.`,
  };
}

async function authFailures(rule: EffectiveRule, now: Date): Promise<Measurement> {
  const db = await readDb();
  // Refusals before authentication are sampled (one record per client IP per minute); each
  // record says how many more it stands for (lib/webhooks/refusal-sampler.ts).
  const rows = await db.webhookDelivery.findMany({
    where: { outcome: "unauthorized", receivedAt: { gt: new Date(now.getTime() - 10 * minuteMs), lte: now } },
    select: { errorDetail: true },
  });
  const count = rows.reduce((sum, row) => sum + 1 + unrecordedCountIn(row.errorDetail), 0);
  return { firing: count > rule.threshold, value: count, summary: `${plural(count, "delivery", "deliveries")} refused for authentication in the last 10 minutes.` };
}

async function rejectedPercent(rule: EffectiveRule, now: Date): Promise<Measurement> {
  const db = await readDb();
  const window = { gt: new Date(now.getTime() - hourMs), lte: now };
  const [rejected, accepted] = await Promise.all([
    db.webhookDelivery.count({ where: { outcome: "rejected", httpStatus: { gte: 400, lt: 500 }, receivedAt: window } }),
    db.webhookDelivery.count({ where: { outcome: { in: ["processed", "duplicate"] }, receivedAt: window } }),
  ]);
  const total = rejected + accepted;
  const percent = total === 0 ? 0 : Math.round((rejected / total) * 1000) / 10;
  return {
    firing: total > 0 && percent > rule.threshold,
    value: percent,
    summary: `${rejected} of ${total} authenticated deliveries in the last hour were refused with a 4xx (${percent} %).`,
  };
}

async function stuck(where: "new" | "in_progress" | "closed", rule: EffectiveRule, now: Date): Promise<Measurement> {
  const db = await readDb();
  const span = where === "new" ? rule.threshold * minuteMs : rule.threshold * hourMs;
  const cutoff = toMicros(new Date(now.getTime() - span));
  const filter =
    where === "new"
      ? { status: { in: ["new", "checking_medical_profile"] }, statusMicros: { lt: cutoff } }
      : where === "in_progress"
        ? { status: "in_progress", statusMicros: { lt: cutoff } }
        : { status: "closed", recommendationId: null, statusMicros: { lte: cutoff } };
  const [count, examples] = await Promise.all([
    db.consultation.count({ where: filter }),
    db.consultation.findMany({ where: filter, orderBy: [{ statusMicros: "asc" }, { id: "asc" }], take: 5, select: { id: true } }),
  ]);
  const state = where === "new" ? "in new or checking_medical_profile" : where === "in_progress" ? "in progress" : "closed without a recommendation";
  const longer = where === "new" ? `${rule.threshold} minutes` : `${rule.threshold} hours`;
  return {
    firing: count > 0,
    value: count,
    summary: count === 0 ? `No consultation ${state} for longer than ${longer}.` : `${plural(count, "consultation")} ${state} for longer than ${longer}: ${listed(examples.map((row) => row.id), count)}.`,
  };
}

async function contractDrift(rule: EffectiveRule, now: Date): Promise<Measurement> {
  const db = await readDb();
  const recent = await db.payloadShape.findMany({
    where: { firstSeenAt: { gt: new Date(now.getTime() - rule.threshold * hourMs), lte: now } },
    orderBy: { firstSeenAt: "desc" },
    select: { kind: true, value: true },
  });
  const unknown = recent.filter((shape) => !isDocumented(shape.kind as ShapeKind, shape.value));
  const examples = unknown.slice(0, 5).map((shape) => `${shape.kind} ${shape.value}`);
  return {
    firing: unknown.length > 0,
    value: unknown.length,
    summary:
      unknown.length === 0
        ? `Nothing the contract does not know was first seen in the last ${rule.threshold} hours.`
        : `${unknown.length} never-seen ${unknown.length === 1 ? "key, status or type" : "keys, statuses or types"} in the last ${rule.threshold} hours: ${listed(examples, unknown.length)}.`,
  };
}

export function measureRule(rule: EffectiveRule, now: Date): Promise<Measurement> {
  const measures: Record<AlertRuleKey, () => Promise<Measurement>> = {
    feed_silence: () => feedSilence(rule, now),
    auth_failures: () => authFailures(rule, now),
    rejected_percent: () => rejectedPercent(rule, now),
    stuck_new: () => stuck("new", rule, now),
    stuck_in_progress: () => stuck("in_progress", rule, now),
    closed_without_recommendation: () => stuck("closed", rule, now),
    contract_drift: () => contractDrift(rule, now),
  };
  return measures[rule.key]();
}
