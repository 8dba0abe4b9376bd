// What an admin does to other accounts at /admin/users, through better-auth's admin plugin (which
// checks the admin's session again). An admin cannot demote, disable or lock out themselves.
import "server-only";
import { APIError } from "better-auth/api";
import { getAuth } from "./auth";
import { passwordProblem } from "./passwords";
import { isRole } from "./permissions";

export type AdminResult = { ok: true; message: string } | { ok: false; message: string };

async function run(work: () => Promise<unknown>, done: string): Promise<AdminResult> {
  try {
    await work();
    return { ok: true, message: done };
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) return { ok: false, message: error.body?.message ?? "That did not work." };
    throw error;
  }
}

const notYourself = (adminId: string, userId: string): AdminResult | null =>
  adminId === userId ? { ok: false, message: "Ask another admin to change your own role or access." } : null;

export async function setUserRole(headers: Headers, adminId: string, userId: string, role: string): Promise<AdminResult> {
  if (!isRole(role)) return { ok: false, message: "Unknown role." };
  const refusal = notYourself(adminId, userId);
  if (refusal) return refusal;
  const auth = await getAuth();
  return run(() => auth.api.setRole({ body: { userId, role }, headers }), `Role set to ${role}.`);
}

/** Disables the account (better-auth's "ban", which also ends its sessions) or enables it again. */
export async function setUserDisabled(headers: Headers, adminId: string, userId: string, disabled: boolean): Promise<AdminResult> {
  const refusal = notYourself(adminId, userId);
  if (refusal) return refusal;
  const auth = await getAuth();
  return disabled
    ? run(() => auth.api.banUser({ body: { userId, banReason: "Disabled by an admin" }, headers }), "Account disabled; its sessions ended.")
    : run(() => auth.api.unbanUser({ body: { userId }, headers }), "Account enabled.");
}

/** Sets a new password and ends the user's sessions (they sign in again with it). */
export async function resetUserPassword(headers: Headers, userId: string, newPassword: string): Promise<AdminResult> {
  const problem = passwordProblem(newPassword);
  if (problem) return { ok: false, message: problem };
  const auth = await getAuth();
  const result = await run(() => auth.api.setUserPassword({ body: { userId, newPassword }, headers }), "Password reset; the user's sessions ended.");
  if (result.ok) await auth.api.revokeUserSessions({ body: { userId }, headers });
  return result;
}

export async function revokeAllUserSessions(headers: Headers, userId: string): Promise<AdminResult> {
  const auth = await getAuth();
  return run(() => auth.api.revokeUserSessions({ body: { userId }, headers }), "Sessions ended.");
}
