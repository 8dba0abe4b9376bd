// Password sign-in and its limits, sessions (idle timeout, absolute lifetime, sign-out
// everywhere, password change), on both databases.
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { readDb, writeTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { signInFailedMessage } from "@/lib/auth/auth";
import { callerFromSession } from "@/lib/auth/caller";
import { accountFailureLimit } from "@/lib/auth/sign-in-limits";
import { changeOwnPassword, signInWithPassword, signOutEverywhere } from "@/lib/auth/sign-in";
import { clientHeaders, cookieHeader, createTestUser } from "../support/users";
import { peerAddressHeader } from "@/lib/http/peer-address";

const wrong = "not the password, sorry";

async function signedIn(email: string, password: string) {
  const result = await signInWithPassword(email, password, clientHeaders());
  if (!result.ok) throw new Error(`sign-in failed: ${result.status}`);
  return { userId: result.userId, headers: new Headers({ cookie: cookieHeader(result.setCookies) }) };
}

describe("sign-in limits", () => {
  it("locks an account after 5 consecutive failures, with the same message as a wrong password", async () => {
    const user = await createTestUser("coordinator");
    for (let i = 0; i < accountFailureLimit; i++) {
      expect(await signInWithPassword(user.email, wrong, clientHeaders())).toEqual({ ok: false, status: 401, message: signInFailedMessage, retryAfterSeconds: null });
    }
    const locked = await signInWithPassword(user.email, user.password, clientHeaders());
    expect(locked).toMatchObject({ ok: false, status: 429, message: signInFailedMessage });
    expect(!locked.ok && locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(!locked.ok && locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // Over HTTP: 429 with Retry-After and the same message.
    const response = await authPost(
      new Request("http://localhost/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", [peerAddressHeader]: "192.0.2.77" },
        body: JSON.stringify({ email: user.email, password: user.password }),
      }),
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect((await response.json()).message).toBe(signInFailedMessage);

    // Fifteen minutes later (the lock's expiry moved into the past), the right password works.
    await writeTransaction((tx) => tx.rateLimiterFlexible.updateMany({ where: { key: `sign-in-account:${user.email}` }, data: { expire: new Date(Date.now() - 1000) } }));
    expect((await signInWithPassword(user.email, user.password, clientHeaders())).ok).toBe(true);
  });

  it("counts only consecutive failures: a successful sign-in starts again from zero", async () => {
    const user = await createTestUser("coordinator");
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < accountFailureLimit - 1; i++) expect((await signInWithPassword(user.email, wrong, clientHeaders())).ok).toBe(false);
      expect((await signInWithPassword(user.email, user.password, clientHeaders())).ok).toBe(true);
    }
  });

  it("answers an unknown email exactly like a wrong password, and locks it too", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    for (let i = 0; i < accountFailureLimit; i++) {
      expect(await signInWithPassword(email, wrong, clientHeaders())).toEqual({ ok: false, status: 401, message: signInFailedMessage, retryAfterSeconds: null });
    }
    expect(await signInWithPassword(email, wrong, clientHeaders())).toMatchObject({ ok: false, status: 429, message: signInFailedMessage });
  });

  it("limits failures per client IP across accounts", async () => {
    const ip = "192.0.2.200";
    const headers = () => new Headers({ [peerAddressHeader]: ip });
    expect(env.CARE_DESK_SIGN_IN_IP_LIMIT).toBe(12);
    const user = await createTestUser("coordinator");
    // The integration projects set CARE_DESK_SIGN_IN_IP_LIMIT to 12 (vitest.config.ts).
    for (let i = 0; i < env.CARE_DESK_SIGN_IN_IP_LIMIT; i++) expect((await signInWithPassword(`spray-${i}-${Date.now()}@example.test`, wrong, headers())).ok).toBe(false);
    expect(await signInWithPassword(user.email, user.password, headers())).toMatchObject({ ok: false, status: 429 });
    expect((await signInWithPassword(user.email, user.password, clientHeaders())).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("ends a session left idle for 30 minutes, and deletes it", async () => {
    const user = await createTestUser("coordinator");
    const { headers } = await signedIn(user.email, user.password);
    expect(await callerFromSession(headers)).toMatchObject({ kind: "user", userId: user.id, role: "coordinator", email: user.email });
    await writeTransaction((tx) => tx.session.updateMany({ where: { userId: user.id }, data: { updatedAt: new Date(Date.now() - 31 * 60 * 1000) } }));
    expect(await callerFromSession(headers)).toBeNull();
    expect(await (await readDb()).session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("counts requests as activity, but not the live refresh's polls", async () => {
    const user = await createTestUser("coordinator");
    const { headers } = await signedIn(user.email, user.password);
    const idleSince = new Date(Date.now() - 20 * 60 * 1000);
    await writeTransaction((tx) => tx.session.updateMany({ where: { userId: user.id }, data: { updatedAt: idleSince } }));
    expect(await callerFromSession(headers, { activity: false })).not.toBeNull();
    const db = await readDb();
    expect((await db.session.findFirstOrThrow({ where: { userId: user.id } })).updatedAt).toEqual(idleSince);
    expect(await callerFromSession(headers)).not.toBeNull();
    expect((await db.session.findFirstOrThrow({ where: { userId: user.id } })).updatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("ends a session 12 hours after sign-in however busy it was", async () => {
    const user = await createTestUser("coordinator");
    const { headers } = await signedIn(user.email, user.password);
    const session = await (await readDb()).session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeGreaterThan(12 * 60 * 60 * 1000 - 60_000);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeLessThanOrEqual(12 * 60 * 60 * 1000 + 60_000);
    await writeTransaction((tx) => tx.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    expect(await callerFromSession(headers)).toBeNull();
  });

  it("signs out everywhere", async () => {
    const user = await createTestUser("auditor");
    const first = await signedIn(user.email, user.password);
    const second = await signedIn(user.email, user.password);
    await signOutEverywhere(first.headers);
    expect(await callerFromSession(first.headers)).toBeNull();
    expect(await callerFromSession(second.headers)).toBeNull();
  });

  it("a password change ends the other sessions, and only the new password works", async () => {
    const user = await createTestUser("coordinator");
    const here = await signedIn(user.email, user.password);
    const elsewhere = await signedIn(user.email, user.password);
    const next = "a brand new passphrase 7";
    expect(await changeOwnPassword(here.headers, "wrong current password", next)).toEqual({ ok: false, message: "The current password is not correct." });
    expect(await changeOwnPassword(here.headers, user.password, "password1234")).toMatchObject({ ok: false, message: expect.stringMatching(/most common/) });
    expect(await changeOwnPassword(here.headers, user.password, next)).toEqual({ ok: true });
    expect(await callerFromSession(elsewhere.headers)).toBeNull();
    expect((await signInWithPassword(user.email, user.password, clientHeaders())).ok).toBe(false);
    expect((await signInWithPassword(user.email, next, clientHeaders())).ok).toBe(true);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie named care-desk.session_token", async () => {
    const user = await createTestUser("coordinator");
    const result = await signInWithPassword(user.email, user.password, clientHeaders());
    const cookie = result.ok ? result.setCookies.find((line) => line.startsWith("care-desk.session_token=")) : undefined;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // No CARE_DESK_PUBLIC_URL here (plain http): not Secure. With an https public URL the name gets __Secure-.
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
