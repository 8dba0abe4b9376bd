// Two-factor sign-in (TOTP) on both databases: enrolment with a code computed from the secret,
// the code step after the password, backup codes (each once), turning it off, and the admin
// setting that requires it for admins. Its own database: the setting is instance-wide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";
import { totpCode } from "../support/totp";

const isolated = await createIsolatedDatabase("two_factor");
const { signInWithPassword } = await import("@/lib/auth/sign-in");
const { callerFromSession } = await import("@/lib/auth/caller");
const twoFactor = await import("@/lib/auth/two-factor");
const policy = await import("@/lib/auth/two-factor-policy");
const { readDb } = await import("@/lib/db");
const { GET: listConsultations } = await import("@/app/api/consultations/route");
const { clientHeaders, cookieHeader, createTestUser, bearerFor } = await import("../support/users");

afterAll(() => isolated.drop());

type Enrolled = { email: string; password: string; userId: string; secret: string; backupCodes: string[] };

async function sessionHeaders(email: string, password: string): Promise<Headers> {
  const result = await signInWithPassword(email, password, clientHeaders());
  if (!result.ok) throw new Error(`sign-in did not complete: ${result.status}`);
  return new Headers({ cookie: cookieHeader(result.setCookies) });
}

/** Password step of a user with two-factor: no session yet, only the cookie of the waiting sign-in. */
async function passwordStep(email: string, password: string): Promise<Headers> {
  const result = await signInWithPassword(email, password, clientHeaders());
  expect(result).toMatchObject({ ok: false, status: "two-factor" });
  if (result.ok || result.status !== "two-factor") throw new Error("no two-factor step");
  expect(result.setCookies.some((line) => line.startsWith("care-desk.session_token=") && !/max-age=0/i.test(line))).toBe(false);
  return new Headers({ cookie: cookieHeader(result.setCookies) });
}

async function enrol(role: "admin" | "coordinator"): Promise<Enrolled> {
  const user = await createTestUser(role);
  const headers = await sessionHeaders(user.email, user.password);
  const started = await twoFactor.startTwoFactorEnrolment(headers, user.password);
  if (!started.ok) throw new Error(started.message);
  const { secret, backupCodes, uri, qrCode } = started.enrolment;
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(backupCodes).toHaveLength(10);
  // Not on until a code from the app confirms the secret.
  expect(await twoFactor.getTwoFactorEnabled(user.id)).toBe(false);
  // A code from ten minutes ahead is not the current one (the window is one 30-second step each way).
  expect(await twoFactor.confirmTwoFactorEnrolment(headers, totpCode(secret, Date.now() + 10 * 60_000))).toMatchObject({ ok: false });
  expect(await twoFactor.confirmTwoFactorEnrolment(headers, totpCode(secret))).toEqual({ ok: true });
  expect(await twoFactor.getTwoFactorEnabled(user.id)).toBe(true);
  return { email: user.email, password: user.password, userId: user.id, secret, backupCodes };
}

describe("two-factor sign-in", () => {
  let user: Enrolled;
  beforeAll(async () => {
    user = await enrol("coordinator");
  });

  it("refuses to start without the right password", async () => {
    const other = await createTestUser("coordinator");
    const headers = await sessionHeaders(other.email, other.password);
    expect(await twoFactor.startTwoFactorEnrolment(headers, "not the password, sorry")).toEqual({ ok: false, message: "The password is not correct." });
    expect((await (await readDb()).twoFactor.count({ where: { userId: other.id } }))).toBe(0);
  });

  it("asks for the code after the password, and signs in with the code the app shows", async () => {
    const waiting = await passwordStep(user.email, user.password);
    expect(await callerFromSession(waiting)).toBeNull();
    const wrong = await twoFactor.verifySignInCode(waiting, totpCode(user.secret, Date.now() + 5 * 60_000));
    expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining("not correct") });
    const result = await twoFactor.verifySignInCode(waiting, totpCode(user.secret));
    if (!result.ok) throw new Error(result.message);
    const caller = await callerFromSession(new Headers({ cookie: cookieHeader(result.setCookies) }));
    expect(caller).toMatchObject({ userId: user.userId, role: "coordinator", twoFactorEnabled: true });
  });

  it("accepts each backup code once", async () => {
    const code = user.backupCodes[0]!;
    const first = await twoFactor.verifySignInCode(await passwordStep(user.email, user.password), code);
    if (!first.ok) throw new Error(first.message);
    expect(await callerFromSession(new Headers({ cookie: cookieHeader(first.setCookies) }))).toMatchObject({ userId: user.userId });
    const again = await twoFactor.verifySignInCode(await passwordStep(user.email, user.password), code);
    expect(again).toMatchObject({ ok: false });
    const another = await twoFactor.verifySignInCode(await passwordStep(user.email, user.password), user.backupCodes[1]!);
    expect(another.ok).toBe(true);
  });

  it("needs a fresh password step: the waiting sign-in's cookie alone is not a session, and a made-up one is refused", async () => {
    const forged = new Headers({ cookie: "care-desk.two_factor=made-up" });
    expect(await twoFactor.verifySignInCode(forged, totpCode(user.secret))).toMatchObject({ ok: false, message: expect.stringContaining("Sign in with your password again") });
  });

  it("turns off with the password; sign-in is then password only", async () => {
    const other = await enrol("coordinator");
    const waiting = await passwordStep(other.email, other.password);
    const signedIn = await twoFactor.verifySignInCode(waiting, totpCode(other.secret));
    if (!signedIn.ok) throw new Error(signedIn.message);
    const headers = new Headers({ cookie: cookieHeader(signedIn.setCookies) });
    expect(await twoFactor.disableTwoFactor(headers, "not the password, sorry")).toMatchObject({ ok: false });
    expect(await twoFactor.disableTwoFactor(headers, other.password)).toEqual({ ok: true });
    expect(await twoFactor.getTwoFactorEnabled(other.userId)).toBe(false);
    expect((await signInWithPassword(other.email, other.password, clientHeaders())).ok).toBe(true);
    expect(await (await readDb()).twoFactor.count({ where: { userId: other.userId } })).toBe(0);
  });
});

describe("two-factor required for admins", () => {
  const list = (headers: HeadersInit) => listConsultations(new Request("http://localhost/api/consultations", { headers }));

  it("holds back an admin without two-factor (403 two_factor_required) until enrolled; others are not affected", async () => {
    const plainAdmin = await createTestUser("admin");
    const coordinator = await createTestUser("coordinator");
    const enrolledAdmin = await enrol("admin");
    const plainHeaders = await sessionHeaders(plainAdmin.email, plainAdmin.password);
    const coordinatorHeaders = await sessionHeaders(coordinator.email, coordinator.password);
    const waiting = await passwordStep(enrolledAdmin.email, enrolledAdmin.password);
    const enrolledSignIn = await twoFactor.verifySignInCode(waiting, totpCode(enrolledAdmin.secret));
    if (!enrolledSignIn.ok) throw new Error(enrolledSignIn.message);
    const enrolledHeaders = new Headers({ cookie: cookieHeader(enrolledSignIn.setCookies) });
    const adminToken = await bearerFor("admin");

    expect((await list(plainHeaders)).status).toBe(200);
    await policy.setAdminTwoFactorRequired(true);
    expect(await policy.isAdminTwoFactorRequired()).toBe(true);

    const held = await list(plainHeaders);
    expect(held.status).toBe(403);
    expect((await held.json()).error).toMatchObject({ code: "two_factor_required" });
    expect((await list(enrolledHeaders)).status).toBe(200);
    expect((await list(coordinatorHeaders)).status).toBe(200);
    expect((await list({ authorization: adminToken })).status).toBe(200);

    // The held-back admin enrols (their own account stays reachable), then gets through.
    const started = await twoFactor.startTwoFactorEnrolment(plainHeaders, plainAdmin.password);
    if (!started.ok) throw new Error(started.message);
    expect(await twoFactor.confirmTwoFactorEnrolment(plainHeaders, totpCode(started.enrolment.secret))).toEqual({ ok: true });
    const waitingPlain = await passwordStep(plainAdmin.email, plainAdmin.password);
    const after = await twoFactor.verifySignInCode(waitingPlain, totpCode(started.enrolment.secret));
    if (!after.ok) throw new Error(after.message);
    expect((await list({ cookie: cookieHeader(after.setCookies) })).status).toBe(200);

    await policy.setAdminTwoFactorRequired(false);
    const stillPlain = await createTestUser("admin");
    expect((await list(await sessionHeaders(stillPlain.email, stillPlain.password))).status).toBe(200);
  });
});
