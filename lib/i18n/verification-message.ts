// lib/audit/verify.ts words a verification's result in English (it is stored with the run and
// printed by `npm run audit:verify`); the /audit page shows it in the reader's language.

export type VerificationKey = "headMissing" | "verified" | "verifiedFromAnchor" | "missingEnd" | "missingNext" | "notFollowing" | "changed" | "headHash" | "afterHead" | "beforeAnchor";

const rules: [RegExp, VerificationKey, string[]][] = [
  [/^The chain head \(AuditChainHead 1\) is missing\.$/, "headMissing", []],
  [/^(\d+) events verified\.$/, "verified", ["events"]],
  [/^(\d+) events verified \(from the anchor at (\d+)\)\.$/, "verifiedFromAnchor", ["events", "anchor"]],
  [/^Event (\d+) is missing \(deleted\): the chain ends at (\d+), its head says (\d+)\.$/, "missingEnd", ["seq", "end", "head"]],
  [/^Event (\d+) is missing \(deleted\): the next stored event is (\d+)\.$/, "missingNext", ["seq", "next"]],
  [/^Event (\d+) does not follow the event before it/, "notFollowing", ["seq"]],
  [/^Event (\d+) was changed after it was recorded/, "changed", ["seq"]],
  [/^The chain head's hash does not match event (\d+)\.$/, "headHash", ["seq"]],
  [/^Event (\d+) was inserted after the chain head/, "afterHead", ["seq"]],
  [/^Event (\d+) is before the anchor \((\d+)\)/, "beforeAnchor", ["seq", "anchor"]],
];

/** The catalogue key (audit.verification.*) and values of a stored message; null when it is none of them (shown as stored). */
export function verificationMessageKey(message: string): { key: VerificationKey; values: Record<string, string> } | null {
  for (const [pattern, key, names] of rules) {
    const match = pattern.exec(message);
    if (match) return { key, values: Object.fromEntries(names.map((name, index) => [name, match[index + 1]!])) };
  }
  return null;
}
