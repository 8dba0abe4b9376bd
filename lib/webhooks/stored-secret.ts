// The Standard Webhooks signing secret Care Desk generates for itself when no WEBHOOK_* variable
// is set: its shape as kept in the Setting table (JSON text under one key), and the rules on
// it. No database access here, so `npm run simulate` (scripts/simulator/stored-secret.ts) reads
// the stored secret by exactly these rules.
import { randomBytes } from "node:crypto";
import { z } from "zod";

export const signingSecretSettingKey = "webhook.signing_secret";

/** After a rotation, the previous secret stays valid this long, so the sender can switch over. */
export const previousSecretValidityMs = 24 * 60 * 60 * 1000;

const storedSecretSchema = z.object({
  current: z.string().startsWith("whsec_"),
  previous: z.string().startsWith("whsec_").nullable(),
  previousValidUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  rotatedAt: z.iso.datetime().nullable(),
});

export type StoredSecret = z.infer<typeof storedSecretSchema>;

/** A new secret: `whsec_` and 32 random bytes in base64, as Standard Webhooks senders expect. */
export const generateSigningSecret = (): string => `whsec_${randomBytes(32).toString("base64")}`;

export const newStoredSecret = (now: Date): StoredSecret => ({
  current: generateSigningSecret(),
  previous: null,
  previousValidUntil: null,
  createdAt: now.toISOString(),
  rotatedAt: null,
});

/** The stored secret after a rotation at `now`: a new current one, the old one valid for 24 hours. */
export const rotatedSecret = (stored: StoredSecret, now: Date): StoredSecret => ({
  ...stored,
  current: generateSigningSecret(),
  previous: stored.current,
  previousValidUntil: new Date(now.getTime() + previousSecretValidityMs).toISOString(),
  rotatedAt: now.toISOString(),
});

export function parseStoredSecret(value: string): StoredSecret {
  return storedSecretSchema.parse(JSON.parse(value));
}

/** The secrets a delivery may be signed with at `now`: the current one, and the previous one inside its 24 hours. */
export function validSecrets(stored: StoredSecret, now: Date): string[] {
  const previousValid = stored.previous !== null && stored.previousValidUntil !== null && Date.parse(stored.previousValidUntil) > now.getTime();
  return previousValid ? [stored.current, stored.previous!] : [stored.current];
}

/** `whsec_AbCd…wXyZ`: enough to tell two secrets apart, not enough to sign with. */
export const maskSecret = (secret: string): string => `${secret.slice(0, 10)}…${secret.slice(-4)}`;
