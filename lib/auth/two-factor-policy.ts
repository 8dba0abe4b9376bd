// The admin setting "two-factor required for admins", kept in the Setting table (every instance
// reads the same value), and the check the guards in lib/auth/caller.ts run.
import "server-only";
import { readDb, writeTransaction } from "../db";
import type { Caller } from "./permissions";

const settingKey = "auth.require-admin-two-factor";

export async function isAdminTwoFactorRequired(): Promise<boolean> {
  const row = await (await readDb()).setting.findUnique({ where: { key: settingKey } });
  return row?.value === "true";
}

export async function setAdminTwoFactorRequired(required: boolean): Promise<void> {
  const value = String(required);
  await writeTransaction((tx) => tx.setting.upsert({ where: { key: settingKey }, create: { key: settingKey, value }, update: { value } }));
}

/**
 * Whether this caller must enrol in two-factor sign-in before anything else: an admin without it
 * while the setting is on. Admins who sign in only by single sign-on have no password to protect
 * (their identity provider's own MFA applies), and API tokens are not people: neither is held back.
 */
export async function mustEnrolTwoFactor(caller: Caller & { twoFactorEnabled?: boolean }): Promise<boolean> {
  if (caller.kind !== "user" || caller.role !== "admin" || caller.twoFactorEnabled === true) return false;
  if (!(await isAdminTwoFactorRequired())) return false;
  const db = await readDb();
  const user = await db.user.findUnique({ where: { id: caller.userId }, select: { twoFactorEnabled: true, accounts: { where: { providerId: "credential" }, select: { id: true } } } });
  return user !== null && user.twoFactorEnabled !== true && user.accounts.length > 0;
}
