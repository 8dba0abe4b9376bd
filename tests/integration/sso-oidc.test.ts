// Single sign-on against a real OpenID provider (oidc-provider on 127.0.0.1, started here), on
// both databases: discovery, the provider's login and consent forms, the callback route handler;
// the role comes from the groups claim at every sign-in; claims that map to no role are refused
// with nothing written; SSO users have no password; linking to a local account needs a verified
// email. Its own database, because OIDC_* must be set before the app's modules load.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";
import { CookieJar, signInAtProvider } from "../support/oidc-flow";
import { startOidcProvider } from "../support/oidc-provider";

const publicUrl = "http://care-desk.test";
const callbackUrl = `${publicUrl}/api/auth/callback/oidc`;
const idp = await startOidcProvider(callbackUrl);
const isolated = await createIsolatedDatabase("sso", {
  CARE_DESK_PUBLIC_URL: publicUrl,
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: idp.clientId,
  OIDC_CLIENT_SECRET: idp.clientSecret,
  OIDC_ROLE_CLAIM: "groups",
  OIDC_ROLE_MAP: "care-admins=admin,care-team=coordinator,audit=auditor",
  OIDC_DISPLAY_NAME: "Test IdP",
  OIDC_SCOPES: "openid email profile groups",
});
const { startSsoSignIn } = await import("@/lib/auth/sso-sign-in");
const { callerFromSession } = await import("@/lib/auth/caller");
const { readDb } = await import("@/lib/db");
const { GET: authGet } = await import("@/app/api/auth/[...all]/route");
const { GET: listConsultations } = await import("@/app/api/consultations/route");
const { createTestUser } = await import("../support/users");

afterAll(async () => {
  await isolated.drop();
  await idp.stop();
});

function newIdentity(groups: string[], emailVerified = true) {
  const login = `sso-${randomUUID().slice(0, 8)}`;
  const identity = { email: `${login}@insurer.example`, name: `Person ${login}`, groups, emailVerified };
  idp.accounts.set(login, identity);
  return { login, identity };
}

/** A whole SSO sign-in: Care Desk's start, the provider's forms, Care Desk's callback. */
async function signInWithSso(login: string) {
  const jar = new CookieJar();
  const { url, setCookies } = await startSsoSignIn(new Headers(), "/consultations");
  expect(url.startsWith(`${idp.issuer}/`)).toBe(true);
  jar.store(setCookies);
  const back = await signInAtProvider(url, login, callbackUrl);
  const response = await authGet(new Request(back, { headers: { cookie: jar.header() } }));
  jar.store(response.headers.getSetCookie());
  return { status: response.status, location: response.headers.get("location"), jar };
}

const sessionCookie = (jar: CookieJar) => jar.names().find((name) => name.endsWith("care-desk.session_token"));

async function userByEmail(email: string) {
  const db = await readDb();
  return db.user.findUnique({ where: { email }, include: { accounts: { select: { providerId: true, password: true } }, sessions: { select: { id: true } } } });
}

describe("single sign-on (OIDC)", () => {
  it("signs in with the mapped role and lands on the page asked for; the user has no password", async () => {
    const { login, identity } = newIdentity(["other-group", "care-team"]);
    const result = await signInWithSso(login);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/consultations");
    expect(sessionCookie(result.jar)).toBeDefined();
    const caller = await callerFromSession(new Headers({ cookie: result.jar.header() }));
    expect(caller).toMatchObject({ kind: "user", email: identity.email, name: identity.name, role: "coordinator" });
    const response = await listConsultations(new Request(`${publicUrl}/api/consultations`, { headers: { cookie: result.jar.header() } }));
    expect(response.status).toBe(200);

    const user = await userByEmail(identity.email);
    expect(user?.role).toBe("coordinator");
    expect(user?.accounts).toEqual([{ providerId: "oidc", password: null }]);
  });

  it("refuses claims that map to no role: a clear message, no session, no user", async () => {
    const { login, identity } = newIdentity(["everyone", "Care-Team"]);
    const result = await signInWithSso(login);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/sign-in\?error=no_care_desk_role(&|$)/);
    expect(sessionCookie(result.jar)).toBeUndefined();
    expect(await userByEmail(identity.email)).toBeNull();
    const db = await readDb();
    expect(await db.account.count({ where: { providerId: "oidc", accountId: login } })).toBe(0);
  });

  it("re-reads the role at every sign-in: promoted, demoted, then refused (and signed out) when the group goes", async () => {
    const { login, identity } = newIdentity(["audit"]);
    const first = await signInWithSso(login);
    expect(await callerFromSession(new Headers({ cookie: first.jar.header() }))).toMatchObject({ role: "auditor" });

    identity.groups = ["audit", "care-admins"];
    const second = await signInWithSso(login);
    expect(await callerFromSession(new Headers({ cookie: second.jar.header() }))).toMatchObject({ role: "admin" });
    // The earlier session follows the user's role too (it is read from the user at each request).
    expect(await callerFromSession(new Headers({ cookie: first.jar.header() }))).toMatchObject({ role: "admin" });

    identity.groups = ["care-team"];
    const third = await signInWithSso(login);
    expect(await callerFromSession(new Headers({ cookie: third.jar.header() }))).toMatchObject({ role: "coordinator" });

    identity.groups = [];
    const refused = await signInWithSso(login);
    expect(refused.location).toMatch(/^\/sign-in\?error=no_care_desk_role/);
    expect(sessionCookie(refused.jar)).toBeUndefined();
    const user = await userByEmail(identity.email);
    expect(user?.sessions).toEqual([]);
    expect(await callerFromSession(new Headers({ cookie: third.jar.header() }))).toBeNull();
  });

  it("joins an existing local account only when the provider says the email is verified", async () => {
    const local = await createTestUser("auditor");
    const unverified = `sso-${randomUUID().slice(0, 8)}`;
    idp.accounts.set(unverified, { email: local.email, name: "Same email, unverified", groups: ["care-team"], emailVerified: false });
    const refused = await signInWithSso(unverified);
    expect(refused.location).toMatch(/^\/sign-in\?error=account_not_linked/);
    expect(sessionCookie(refused.jar)).toBeUndefined();
    expect((await userByEmail(local.email))?.accounts.map((account) => account.providerId)).toEqual(["credential"]);

    const verified = `sso-${randomUUID().slice(0, 8)}`;
    idp.accounts.set(verified, { email: local.email, name: "Same email, verified", groups: ["care-team"], emailVerified: true });
    const linked = await signInWithSso(verified);
    expect(linked.location).toBe("/consultations");
    expect(await callerFromSession(new Headers({ cookie: linked.jar.header() }))).toMatchObject({ userId: local.id, role: "coordinator" });
    expect((await userByEmail(local.email))?.accounts.map((account) => account.providerId).sort()).toEqual(["credential", "oidc"]);
  });

  it("serves only the provider's callback among the OAuth endpoints", async () => {
    const social = await authGet(new Request(`${publicUrl}/api/auth/sign-in/social`));
    expect(social.status).toBe(404);
    const otherCallback = await authGet(new Request(`${publicUrl}/api/auth/callback/google?code=x&state=y`));
    expect(otherCallback.status).toBe(404);
  });
});
