// Secure by default: with no WEBHOOK_* variable set, webhooks are checked against a Standard
// Webhooks signing secret this instance generates on first need (first start, first webhook or
// first look at the settings page) and keeps in the database (Setting), shared by every
// instance on that database. When any WEBHOOK_* variable is set, the environment overrides it.
// The answer is cached for a few seconds, so the hot path reads the database at most that often
// and a rotation made on another instance is in force everywhere within that time.
import "server-only";
import { readDb, writeTransaction } from "../db";
import { webhookAuth, webhookAuthConfigured } from "../env";
import { parseSigningSecrets, type AuthConfig } from "./authenticate";
import { newStoredSecret, parseStoredSecret, rotatedSecret, signingSecretSettingKey, validSecrets, type StoredSecret } from "./stored-secret";

const cacheMs = 5_000;
// One cache per process, on globalThis: the receiver in front of Next.js (bundled with
// instrumentation.ts) and the settings page (which rotates) are bundled apart, and a rotation
// must reach both at once.
type Cached = { config: AuthConfig; until: number } | null;
const holder = globalThis as unknown as { careDeskSigningSecret?: { cached: Cached } };
const cache = (holder.careDeskSigningSecret ??= { cached: null });

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** The stored secret, generated and stored first when there is none yet (several instances may race: one wins). */
export async function ensureStoredSecret(now = new Date()): Promise<StoredSecret> {
  const db = await readDb();
  const row = await db.setting.findUnique({ where: { key: signingSecretSettingKey } });
  if (row) return parseStoredSecret(row.value);
  try {
    await writeTransaction((tx) => tx.setting.create({ data: { key: signingSecretSettingKey, value: JSON.stringify(newStoredSecret(now)) } }));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return parseStoredSecret((await db.setting.findUniqueOrThrow({ where: { key: signingSecretSettingKey } })).value);
}

/** Rotates the stored secret: a new one signs from now on, the previous stays valid for 24 hours. */
export async function rotateStoredSecret(now = new Date()): Promise<StoredSecret> {
  await ensureStoredSecret(now);
  const rotated = await writeTransaction(async (tx) => {
    const row = await tx.setting.findUniqueOrThrow({ where: { key: signingSecretSettingKey } });
    const next = rotatedSecret(parseStoredSecret(row.value), now);
    await tx.setting.update({ where: { key: signingSecretSettingKey }, data: { value: JSON.stringify(next) } });
    return next;
  });
  cache.cached = null;
  return rotated;
}

/** Where this instance's webhook authentication comes from. */
export const webhookAuthSource: "environment" | "database" = webhookAuthConfigured ? "environment" : "database";

/** The authentication POST /api/webhooks checks: the environment's, else the stored secret(s) valid now. */
export async function currentWebhookAuth(): Promise<AuthConfig> {
  if (webhookAuthConfigured) return webhookAuth;
  const now = Date.now();
  const cached = cache.cached;
  if (cached && cached.until > now) return cached.config;
  const stored = await ensureStoredSecret(new Date(now));
  const config = { signingSecrets: parseSigningSecrets(validSecrets(stored, new Date(now)).join(" ")) };
  cache.cached = { config, until: now + cacheMs };
  return config;
}
