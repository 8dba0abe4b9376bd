// The UI language on the real server (`next start`): the header's switch sets the `locale` cookie
// for anyone and, signed in, the user's own preference (recorded in the audit trail); /account
// saves language and digits; the preference beats the cookie, the cookie beats Accept-Language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { serverEnv } from "../support/deliveries";
import { startNextServer, type RunningServer } from "../support/next-server";
import { actionIds, serverActions, signInOver } from "../support/server-actions";
import { createTestUser, type TestUser } from "../support/users";

describe("the UI language", () => {
  let server: RunningServer;
  let call: ReturnType<typeof serverActions>;
  let user: TestUser;
  let session = "";

  /** The header's switch: a plain form action (its only argument the form). */
  const switchTo = async (locale: string, cookie?: string) => {
    const body = new FormData();
    body.append("_1_locale", locale);
    body.append("0", JSON.stringify(["$K1"]));
    return fetch(`${server.url}/sign-in`, { method: "POST", redirect: "manual", headers: { "next-action": actionIds().get("setLanguageAction")!, accept: "text/x-component", ...(cookie ? { cookie } : {}) }, body });
  };
  const htmlTag = async (headers: Record<string, string>) => {
    const html = await (await fetch(`${server.url}/sign-in`, { headers })).text();
    return /<html[^>]*>/.exec(html)![0];
  };
  const pageTag = async (path: string, headers: Record<string, string>) => /<html[^>]*>/.exec(await (await fetch(`${server.url}${path}`, { headers })).text())![0];
  const stored = async () => (await readDb()).user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true, digits: true } });

  beforeAll(async () => {
    server = await startNextServer(serverEnv());
    call = serverActions(server);
    user = await createTestUser("coordinator");
    session = (await signInOver(server, user, { "x-forwarded-for": "198.18.7.1" })).cookie;
    expect(session).toContain("session_token");
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("is English by default, and follows Accept-Language, with its direction", async () => {
    expect(await htmlTag({})).toMatch(/lang="en"[^>]*dir="ltr"|dir="ltr"[^>]*lang="en"/);
    expect(await htmlTag({ "accept-language": "ar-JO,ar;q=0.9,en;q=0.8" })).toMatch(/lang="ar"/);
    expect(await htmlTag({ "accept-language": "ar-JO,ar;q=0.9" })).toContain('dir="rtl"');
    expect(await htmlTag({ "accept-language": "fr-FR" })).toContain('lang="en"');
  });

  it("is switched for a visitor who is not signed in by a cookie, which beats Accept-Language", async () => {
    const response = await switchTo("ar");
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith("locale="));
    expect(cookie).toMatch(/^locale=ar;.*Path=\//i);
    expect(cookie).toMatch(/HttpOnly/i);
    const html = await (await fetch(`${server.url}/sign-in`, { headers: { cookie: "locale=ar", "accept-language": "en-US" } })).text();
    expect(html).toMatch(/<html[^>]*lang="ar"/);
    expect(html).toContain("تسجيل الدخول");
    expect(html).not.toContain(">Sign in<");
    // A value that is not one of the languages sets nothing.
    expect((await switchTo("fr")).headers.getSetCookie().some((line) => line.startsWith("locale="))).toBe(false);
  });

  it("saves a signed-in user's own preference, records it, and lets it beat the cookie and the browser", async () => {
    expect(await stored()).toEqual({ locale: null, digits: null });
    const response = await switchTo("ar", session);
    expect(response.headers.getSetCookie().some((line) => line.startsWith("locale=ar"))).toBe(true);
    expect(await stored()).toEqual({ locale: "ar", digits: null });
    // On another browser (no locale cookie, an English one), the account's language still wins.
    expect(await pageTag("/account", { cookie: session, "accept-language": "en-US" })).toMatch(/lang="ar"[^>]*dir="rtl"|dir="rtl"[^>]*lang="ar"/);
    expect(await pageTag("/account", { cookie: `${session}; locale=en` })).toContain('lang="ar"');
    const events = await (await readDb()).auditEvent.findMany({ where: { subjectUserId: user.id, action: "account.preferences_changed" } });
    expect(events.map((event) => [event.actorId, JSON.parse(event.detail)])).toEqual([[user.id, { locale: "ar", digits: null }]]);
  });

  it("saves language and digits from /account, and the form shows what was saved", async () => {
    await call("savePreferencesAction", "/account", { form: { locale: "ar", digits: "arab" } }, { cookie: session });
    expect(await stored()).toEqual({ locale: "ar", digits: "arab" });
    const html = await (await fetch(`${server.url}/account`, { headers: { cookie: session } })).text();
    expect(html).toMatch(/<option value="arab" selected="">/);
    await call("savePreferencesAction", "/account", { form: { locale: "en", digits: "latn" } }, { cookie: session });
    expect(await stored()).toEqual({ locale: "en", digits: "latn" });
    expect(await pageTag("/account", { cookie: `${session}; locale=ar`, "accept-language": "ar" })).toContain('lang="en"');
  });

  it("changes nobody's preference for a caller who is not signed in, or for values it does not know", async () => {
    await call("savePreferencesAction", "/account", { form: { locale: "ar", digits: "arab" } });
    await call("savePreferencesAction", "/account", { form: { locale: "xx", digits: "roman" } }, { cookie: session });
    expect(await stored()).toEqual({ locale: "en", digits: "latn" });
  });
});
