// The chain's arithmetic: a row's canonical JSON and hash = SHA-256(prevHash ‖ canonical JSON).
// The same function hashes a row being appended and a row read back by verification, so the
// fields are normalised here to what both databases return (text, decimal strings for BIGINT,
// ISO times with milliseconds).
import { createHash } from "node:crypto";

/** The prevHash of the first event of an empty chain. */
export const genesisHash = "0".repeat(64);

/** Every hashed field of an AuditEvent (all but prevHash and hash themselves). */
export type AuditRowFields = {
  seq: bigint;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  role: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  outcome: string;
  consultationId: bigint | null;
  recommendationId: number | null;
  deliveryId: number | null;
  subjectUserId: string | null;
  subjectTokenId: string | null;
  detail: string;
};

const hashedKeys = [
  "action", "actorId", "actorKind", "actorLabel", "at", "consultationId", "deliveryId", "detail", "ip", "outcome",
  "recommendationId", "role", "seq", "subjectTokenId", "subjectUserId", "userAgent",
] as const satisfies readonly (keyof AuditRowFields)[];

const asText = (value: unknown): string | number | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
};

/** Sorted keys, no whitespace, BIGINTs as decimal strings, times as ISO 8601 UTC with milliseconds. */
export function canonicalJson(row: AuditRowFields): string {
  return `{${hashedKeys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(asText(row[key]))}`).join(",")}}`;
}

export function hashRow(prevHash: string, row: AuditRowFields): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(row)).digest("hex");
}

/**
 * Text as both databases store it and give it back: no NUL (PostgreSQL refuses it), no lone
 * surrogate (it would come back as U+FFFD and no longer hash the same), at most `max` characters.
 */
export function storableText(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const clean = value.replace(/\u0000/g, "").toWellFormed();
  return clean.length > max ? clean.slice(0, max).toWellFormed() : clean;
}
