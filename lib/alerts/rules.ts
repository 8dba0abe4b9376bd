// The alert rules, written once as data: what each watches, its unit, and its default threshold
// from the environment (0 turns a rule off). Admins override thresholds on /alerts
// (AlertRuleSetting); lib/alerts/measure.ts measures each rule.
import { env } from "../env";

export const alertRuleKeys = [
  "feed_silence",
  "auth_failures",
  "rejected_percent",
  "stuck_new",
  "stuck_in_progress",
  "closed_without_recommendation",
  "contract_drift",
] as const;
export type AlertRuleKey = (typeof alertRuleKeys)[number];

export type AlertRuleDefinition = {
  label: string;
  /** What the threshold counts. */
  unit: "minutes" | "hours" | "failures" | "percent";
  /** The environment variable holding the default threshold. */
  envName: string;
  defaultThreshold: number;
  /** One sentence for the rules table, with the threshold in it. */
  describe: (threshold: number) => string;
};

export const alertRules: Record<AlertRuleKey, AlertRuleDefinition> = {
  feed_silence: {
    label: "Feed silence",
    unit: "minutes",
    envName: "ALERT_FEED_SILENCE_MINUTES",
    defaultThreshold: env.ALERT_FEED_SILENCE_MINUTES,
    describe: (n) => `No processed delivery for ${n} minutes.`,
  },
  auth_failures: {
    label: "Authentication failures",
    unit: "failures",
    envName: "ALERT_AUTH_FAILURES_PER_10_MIN",
    defaultThreshold: env.ALERT_AUTH_FAILURES_PER_10_MIN,
    describe: (n) => `More than ${n} deliveries refused for authentication in 10 minutes (a rotated secret looks like this).`,
  },
  rejected_percent: {
    label: "Rejections",
    unit: "percent",
    envName: "ALERT_REJECTED_PERCENT",
    defaultThreshold: env.ALERT_REJECTED_PERCENT,
    describe: (n) => `More than ${n} % of authenticated deliveries refused with a 4xx in the last hour.`,
  },
  stuck_new: {
    label: "Stuck new consultations",
    unit: "minutes",
    envName: "ALERT_STUCK_NEW_MINUTES",
    defaultThreshold: env.ALERT_STUCK_NEW_MINUTES,
    describe: (n) => `A consultation in new or checking_medical_profile for longer than ${n} minutes.`,
  },
  stuck_in_progress: {
    label: "Stuck in progress",
    unit: "hours",
    envName: "ALERT_STUCK_IN_PROGRESS_HOURS",
    defaultThreshold: env.ALERT_STUCK_IN_PROGRESS_HOURS,
    describe: (n) => `A consultation in_progress for longer than ${n} hours.`,
  },
  closed_without_recommendation: {
    label: "Closed without recommendation",
    unit: "hours",
    envName: "ALERT_CLOSED_WITHOUT_RECOMMENDATION_HOURS",
    defaultThreshold: env.ALERT_CLOSED_WITHOUT_RECOMMENDATION_HOURS,
    describe: (n) => `A consultation closed ${n} hours ago or more and still without a recommendation.`,
  },
  contract_drift: {
    label: "Contract drift",
    unit: "hours",
    envName: "ALERT_CONTRACT_DRIFT_HOURS",
    defaultThreshold: env.ALERT_CONTRACT_DRIFT_HOURS,
    describe: (n) => `A key, status or type the contract does not know was first seen in the last ${n} hours.`,
  },
};

export const isAlertRuleKey = (value: unknown): value is AlertRuleKey =>
  typeof value === "string" && (alertRuleKeys as readonly string[]).includes(value);

/** A rule as it applies now: the admin's override, or the environment's default. */
export type EffectiveRule = {
  key: AlertRuleKey;
  threshold: number;
  businessHoursOnly: boolean;
  overridden: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type RuleOverride = { rule: string; threshold: number; businessHoursOnly: boolean; updatedAt: Date; updatedBy: string | null };

export function effectiveRules(overrides: RuleOverride[]): EffectiveRule[] {
  const byRule = new Map(overrides.map((override) => [override.rule, override]));
  return alertRuleKeys.map((key) => {
    const override = byRule.get(key);
    return {
      key,
      threshold: override?.threshold ?? alertRules[key].defaultThreshold,
      businessHoursOnly: key === "feed_silence" ? (override?.businessHoursOnly ?? env.ALERT_FEED_SILENCE_BUSINESS_HOURS_ONLY) : false,
      overridden: override !== undefined,
      updatedAt: override?.updatedAt ?? null,
      updatedBy: override?.updatedBy ?? null,
    };
  });
}
