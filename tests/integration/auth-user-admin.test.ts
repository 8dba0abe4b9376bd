// What an admin does at /admin/users, through better-auth's admin plugin with the admin's own
// session: roles, disabling, password resets, ending sessions; and what others may not do.
import { describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { callerFromSession } from "@/lib/auth/caller";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { resetUserPassword, revokeAllUserSessions, setUserDisabled, setUserRole } from "@/lib/auth/user-admin";
import { clientHeaders, cookieHeader, createTestUser, type TestUser } from "../support/users";

async function sessionOf(user: TestUser) {
  const result = await signInWithPassword(user.email, user.password, clientHeaders());
  if (!result.ok) throw new Error(`sign-in failed for ${user.email}`);
  return new Headers({ cookie: cookieHeader(result.setCookies) });
}

describe("user administration", () => {
  it("sets a role, which takes effect on the user's next request", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser("coordinator");
    const userSession = await sessionOf(user);
    expect(await setUserRole(await sessionOf(admin), admin.id, user.id, "auditor")).toEqual({ ok: true, message: "Role set to auditor." });
    expect(await callerFromSession(userSession)).toMatchObject({ role: "auditor" });
    expect(await setUserRole(await sessionOf(admin), admin.id, user.id, "superuser")).toEqual({ ok: false, message: "Unknown role." });
  });

  it("disables an account (its sessions end, sign-in is refused) and enables it again", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser("coordinator");
    const userSession = await sessionOf(user);
    const adminSession = await sessionOf(admin);
    expect((await setUserDisabled(adminSession, admin.id, user.id, true)).ok).toBe(true);
    expect(await callerFromSession(userSession)).toBeNull();
    expect(await signInWithPassword(user.email, user.password, clientHeaders())).toMatchObject({ ok: false });
    expect((await setUserDisabled(adminSession, admin.id, user.id, false)).ok).toBe(true);
    expect((await signInWithPassword(user.email, user.password, clientHeaders())).ok).toBe(true);
  });

  it("resets a password: the old one stops working and the user's sessions end", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser("coordinator");
    const userSession = await sessionOf(user);
    const adminSession = await sessionOf(admin);
    expect(await resetUserPassword(adminSession, user.id, "password1234")).toMatchObject({ ok: false, message: expect.stringMatching(/most common/) });
    expect((await resetUserPassword(adminSession, user.id, "a reset passphrase for you")).ok).toBe(true);
    expect(await callerFromSession(userSession)).toBeNull();
    expect((await signInWithPassword(user.email, user.password, clientHeaders())).ok).toBe(false);
    expect((await signInWithPassword(user.email, "a reset passphrase for you", clientHeaders())).ok).toBe(true);
  });

  it("ends all of a user's sessions", async () => {
    const admin = await createTestUser("admin");
    const user = await createTestUser("auditor");
    await sessionOf(user);
    await sessionOf(user);
    expect((await revokeAllUserSessions(await sessionOf(admin), user.id)).ok).toBe(true);
    expect(await (await readDb()).session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an admin acting on their own role or access, and anyone who is not an admin", async () => {
    const admin = await createTestUser("admin");
    const coordinator = await createTestUser("coordinator");
    const adminSession = await sessionOf(admin);
    expect((await setUserRole(adminSession, admin.id, admin.id, "auditor")).ok).toBe(false);
    expect((await setUserDisabled(adminSession, admin.id, admin.id, true)).ok).toBe(false);
    const coordinatorSession = await sessionOf(coordinator);
    expect((await setUserRole(coordinatorSession, coordinator.id, admin.id, "auditor")).ok).toBe(false);
    expect((await setUserDisabled(coordinatorSession, coordinator.id, admin.id, true)).ok).toBe(false);
    expect((await resetUserPassword(coordinatorSession, admin.id, "a takeover passphrase 1")).ok).toBe(false);
    expect((await revokeAllUserSessions(coordinatorSession, admin.id)).ok).toBe(false);
    expect(await callerFromSession(adminSession)).toMatchObject({ role: "admin" });
  });
});
