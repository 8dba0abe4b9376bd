// Repeat prescriptions on the member page: the same generic drug (Altibbi's `name`, compared
// without case or surrounding spaces) prescribed again, in another consultation, within the
// window. Each pair is flagged on both prescriptions: the later one is a repeat of the earlier,
// the earlier one was repeated by the later, with the whole days between them. Only neighbours
// are paired (a drug prescribed three times in a row is two repeats, not three).
import type { RepeatLinkDto } from "../schemas/member";

export type Prescribed = {
  consultationId: number;
  position: number;
  name: string | null;
  /** When the recommendation that prescribed it happened (UTC microseconds). */
  micros: bigint;
  prescribedAt: { sent: string; utc: string };
};

export type RepeatFlags = { repeatOf: RepeatLinkDto | null; repeatedBy: RepeatLinkDto | null };

const microsPerDay = 86_400_000_000n;

/** The key a generic name is compared by: trimmed, lower-cased; null for a drug without one. */
export const genericKey = (name: string | null): string | null => {
  const key = name?.trim().toLowerCase() ?? "";
  return key === "" ? null : key;
};

/** Flags for each prescription, in the order given. */
export function flagRepeatPrescriptions(items: Prescribed[], windowDays: number): RepeatFlags[] {
  const flags: RepeatFlags[] = items.map(() => ({ repeatOf: null, repeatedBy: null }));
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = genericKey(item.name);
    if (key === null) return;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const window = BigInt(windowDays) * microsPerDay;
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => {
      const x = items[a]!;
      const y = items[b]!;
      return x.micros < y.micros ? -1 : x.micros > y.micros ? 1 : x.consultationId - y.consultationId || x.position - y.position;
    });
    for (let i = 1; i < ordered.length; i++) {
      const later = items[ordered[i]!]!;
      // The nearest earlier prescription from another consultation (the same drug twice in one recommendation is no repeat).
      let j = i - 1;
      while (j >= 0 && items[ordered[j]!]!.consultationId === later.consultationId) j--;
      if (j < 0) continue;
      const earlier = items[ordered[j]!]!;
      const gap = later.micros - earlier.micros;
      if (gap > window) continue;
      const gapDays = Number(gap / microsPerDay);
      flags[ordered[i]!]!.repeatOf ??= { consultationId: earlier.consultationId, prescribedAt: earlier.prescribedAt, gapDays };
      flags[ordered[j]!]!.repeatedBy ??= { consultationId: later.consultationId, prescribedAt: later.prescribedAt, gapDays };
    }
  }
  return flags;
}
