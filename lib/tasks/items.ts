// What a recommendation asks of the worklist, as pure functions (no database, no configuration):
// lib/tasks/reconcile.ts and the benchmark's seed (scripts/bench/seed.ts) both derive tasks here.
import { createHash } from "node:crypto";

export const taskKinds = ["follow_up", "referral"] as const;

/** The Setting that marks the start-up backfill done (lib/tasks/backfill.ts; the bench's seed sets it too). */
export const backfillSettingKey = "tasks.backfilled";
export type TaskKind = (typeof taskKinds)[number];

/** An item's text as its identity: NFC, trimmed, inner spaces collapsed, lower-cased. */
export function normaliseItemText(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/gu, " ").toLowerCase();
}

// Long texts keep a readable prefix and a hash of the whole, so the unique index stays small.
const maxKeyText = 200;
function keyText(normalised: string): string {
  if (normalised.length <= maxKeyText) return normalised;
  return `${normalised.slice(0, 150)}…${createHash("sha256").update(normalised).digest("hex").slice(0, 24)}`;
}

export type DesiredTask = { kind: TaskKind; itemKey: string; title: string };

/**
 * The tasks one recommendation asks for, in order: each non-blank follow-up item, then the
 * referral. Identical items (same normalised text) are told apart by their occurrence: "#1", "#2".
 */
export function desiredTasks(followUps: (string | null)[], referralName: string | null): DesiredTask[] {
  const seen = new Map<string, number>();
  const out: DesiredTask[] = [];
  const add = (kind: TaskKind, title: string | null) => {
    if (title === null || title.trim() === "") return;
    const text = keyText(normaliseItemText(title));
    const n = (seen.get(`${kind} ${text}`) ?? 0) + 1;
    seen.set(`${kind} ${text}`, n);
    out.push({ kind, itemKey: `${text}#${n}`, title });
  };
  for (const name of followUps) add("follow_up", name);
  add("referral", referralName);
  return out;
}

const dayMs = 86_400_000;

/** `days` days after `eventTime`: a new task's default due date (the days per kind are configured: lib/env.ts). */
export const dueAfter = (eventTime: Date, days: number): Date => new Date(eventTime.getTime() + days * dayMs);
