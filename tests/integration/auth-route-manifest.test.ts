// Deny by default, checked on the real server (`next start`) for every page, route handler and
// server action the build contains, read from .next's manifests (not a hand-kept list): anonymous →
// a redirect to /sign-in (pages) or 401 with the common error body (APIs); each role → exactly
// its column. A new route that forgets its check, or that has no expected permission below,
// fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDb, writeTransaction } from "@/lib/db";
import type { Permission, Role } from "@/lib/auth/permissions";
import { hasPermission, roles } from "@/lib/auth/permissions";
import { recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { deliver } from "../support/webhooks";
import { serverEnv } from "../support/deliveries";
import { startNextServer, type RunningServer } from "../support/next-server";
import { createTestUser } from "../support/users";
import { storeDelivery } from "../support/stored-deliveries";
import { actionIds, serverActions, type ActionArgs } from "../support/server-actions";

const root = path.resolve(import.meta.dirname, "../..");

/** Open to anyone, each for its reason (see docs/auth.md). Everything else must be guarded. */
const exempt = new Set([
  "/sign-in", // the way in
  "/setup", // the first-run link (its token is the credential)
  "/api/auth/[...all]", // better-auth: only sign-in and sign-out are served
  "/api/webhooks", // Altibbi's deliveries: their own authentication
  "/api/health", // status only for anonymous callers (details for admins)
  "/api/ping", // liveness for load balancers; no database, no data
  "/api/ready", // readiness for load balancers: ready or not, and why; no data
  "/api/metrics", // Prometheus: its own bearer token (CARE_DESK_METRICS_TOKEN), 404 while unset
  "/hello", // the benchmark's yardstick: renders <p>hello</p>, reads nothing
  "/_not-found",
  "/_global-error",
  "/icon.svg",
]);

/** What each guarded path needs; null: any signed-in user. */
const expected: Record<string, Permission | null> = {
  "/": null,
  "/account": null,
  "/consultations": "consultations:read",
  "/consultations/[id]": "consultations:read",
  "/consultations/[id]/print": "consultations:print",
  "/deliveries": "deliveries:read",
  "/deliveries/[id]": "deliveries:read",
  "/deliveries/[id]/body": "deliveries:read",
  "/audit": "audit:read",
  "/audit/export": "audit:read",
  "/admin/settings": "settings:manage",
  "/admin/users": "users:read",
  "/admin/tokens": "tokens:manage",
  "/admin/jobs": "jobs:read",
  "/admin/payload": "deliveries:read",
  "/admin/reprocess": "replay",
  "/alerts": "alerts:read",
  "/api/consultations": "consultations:read",
  "/api/consultations/[id]": "consultations:read",
  "/api/consultations/changes": "consultations:read",
  "/api/consultations/export": "export",
  "/api/deliveries/changes": "deliveries:read",
  "/members": "members:read",
  "/members/[userId]": "members:read",
  "/api/members/[userId]/export": "export",
  "/insights": "consultations:read",
  "/worklist": "consultations:read",
  "/api/tasks/changes": "consultations:read",
  "/api/tasks/export": "export",
};

type Entry = { pattern: string; kind: "page" | "route" };

function buildEntries(): Entry[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest).map((key) => {
    const kind = key.endsWith("/page") ? "page" : "route";
    const pattern = key.replace(/\/(page|route)$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    return { pattern, kind };
  });
}

describe("every page and route handler in the build", () => {
  let server: RunningServer;
  const cookies = new Map<Role, string>();
  const ids = { consultation: 0, delivery: 0, member: "" };
  const entries = buildEntries();
  const guarded = entries.filter((entry) => !exempt.has(entry.pattern));
  const url = (pattern: string) =>
    pattern.replace("[id]", String(pattern.startsWith("/deliveries") ? ids.delivery : ids.consultation)).replace("[...all]", "anything").replace("[userId]", ids.member);

  beforeAll(async () => {
    const consultation = uniqueId();
    ids.consultation = consultation;
    ids.member = String(uniqueId());
    ids.delivery = (await deliver(routeHandler, statusUpdate(consultation, null, "new", "2024-08-01T10:00:00Z", { user_id: ids.member }))).delivery_id;
    server = await startNextServer(serverEnv());
    for (const role of roles) {
      const user = await createTestUser(role);
      const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": `198.18.0.${roles.indexOf(role) + 1}` },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      cookies.set(role, response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; "));
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("are each either exempt for a stated reason or given an expected permission", () => {
    expect(guarded.length).toBeGreaterThanOrEqual(13);
    for (const entry of guarded) expect(Object.keys(expected), `${entry.pattern} has no expected permission`).toContain(entry.pattern);
  });

  it("refuse anonymous callers: pages redirect to /sign-in, APIs answer 401 with the common error body", async () => {
    for (const entry of guarded) {
      const response = await fetch(`${server.url}${url(entry.pattern)}`, { redirect: "manual" });
      if (entry.kind === "page") {
        expect(response.status, entry.pattern).toBe(307);
        const location = new URL(response.headers.get("location")!, server.url);
        expect(location.pathname, entry.pattern).toBe("/sign-in");
        expect(location.searchParams.get("next"), entry.pattern).toBe(url(entry.pattern));
      } else {
        expect(response.status, entry.pattern).toBe(401);
        expect(await response.json(), entry.pattern).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
      }
    }
  });

  it.each(roles)("give the %s role exactly its column", async (role) => {
    for (const entry of guarded) {
      const permission = expected[entry.pattern]!;
      const allowed = permission === null || hasPermission(role, permission);
      const response = await fetch(`${server.url}${url(entry.pattern)}`, { redirect: "manual", headers: { cookie: cookies.get(role)! } });
      const expectedStatus = allowed ? (entry.pattern === "/" ? 307 : 200) : 403;
      expect(response.status, `${role} ${entry.pattern}`).toBe(expectedStatus);
      if (!allowed && entry.kind === "route") {
        expect(await response.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
      }
      if (!allowed && entry.kind === "page") {
        const html = await response.text();
        expect(html).toContain("Your role may not open this page");
        // The id the visitor typed may appear (the title); nothing read from the database may.
        for (const marker of ["Status timeline", "Member (user id)", "Insurance id", "webhook-id", "Request headers"]) expect(html, `${role} ${entry.pattern}`).not.toContain(marker);
      }
    }
  });

  it("show admins, and only them, the Alerts link with the number of firing alerts in the header", async () => {
    const rule = `test_badge_${uniqueId()}`;
    const alert = await writeTransaction((tx) => tx.alert.create({ data: { rule, openRule: rule, firedAt: new Date(), value: 1, threshold: 1, summary: "badge test" } }));
    try {
      const firing = await (await readDb()).alert.count({ where: { openRule: { not: null } } });
      const page = async (role: Role) => (await fetch(`${server.url}/account`, { headers: { cookie: cookies.get(role)! } })).text();
      const admin = await page("admin");
      expect(admin).toMatch(new RegExp(`href="/alerts"[^>]*>Alerts<span[^>]*data-testid="firing-alerts"[^>]*>${firing}</span>`));
      for (const role of ["coordinator", "auditor"] as const) expect(await page(role), role).not.toContain('href="/alerts"');
    } finally {
      await writeTransaction((tx) => tx.alert.delete({ where: { id: alert.id } }));
    }
  });

  it("keep the exempt paths free of data for anonymous callers", async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: "ok" });
    const hello = await (await fetch(`${server.url}/hello`)).text();
    expect(hello).toContain("hello");
    expect(hello).not.toContain("Consultations");
    expect((await fetch(`${server.url}/api/auth/admin/list-users`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/api/ready`)).json()).toEqual({ status: "ready" });
    // No CARE_DESK_METRICS_TOKEN on this server: there is nothing there, even with a session.
    const headerSets: Record<string, string>[] = [{}, { cookie: cookies.get("admin")! }, { authorization: "Bearer anything-at-all" }];
    for (const headers of headerSets) {
      const metrics = await fetch(`${server.url}/api/metrics`, { headers });
      expect(metrics.status).toBe(404);
      expect(await metrics.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
  });
});

/** Every server action in the build: exempt (the way in), or what it needs. */
const actionPermissions: Record<string, Permission | null | "exempt"> = {
  signInAction: "exempt",
  verifyCodeAction: "exempt",
  signInWithSsoAction: "exempt",
  setupAction: "exempt",
  // The header's language switch: anyone may set the locale cookie (the sign-in page has it); a
  // signed-in caller's own preference is saved too (tests/integration/i18n-preferences.test.ts).
  setLanguageAction: "exempt",
  signOutAction: null,
  signOutEverywhereAction: null,
  changePasswordAction: null,
  savePreferencesAction: null,
  startTwoFactorAction: null,
  confirmTwoFactorAction: null,
  disableTwoFactorAction: null,
  setAdminTwoFactorAction: "settings:manage",
  revealWebhookSecretAction: "settings:manage",
  rotateWebhookSecretAction: "settings:manage",
  revealDispenseAction: "passcode:reveal",
  verifyAuditChainAction: "audit:read",
  eraseConsultationAction: "consultations:erase",
  createUserAction: "users:manage",
  setRoleAction: "users:manage",
  setDisabledAction: "users:manage",
  resetPasswordAction: "users:manage",
  revokeSessionsAction: "users:manage",
  createTokenAction: "tokens:manage",
  revokeTokenAction: "tokens:manage",
  acknowledgeAlertAction: "alerts:manage",
  updateAlertRuleAction: "alerts:manage",
  retryNotificationAction: "alerts:manage",
  reprocessAction: "replay",
  taskAction: "tasks:manage",
};

describe("every server action in the build, called over HTTP as curl would", () => {
  let server: RunningServer;
  const cookies = new Map<Role, string>();
  const actions = actionIds();
  let call: ReturnType<typeof serverActions>;
  const callAction = (name: string, page: string, args: ActionArgs, cookie?: string) => call(name, page, args, cookie ? { cookie } : {});

  beforeAll(async () => {
    server = await startNextServer(serverEnv());
    call = serverActions(server);
    for (const role of roles) {
      const user = await createTestUser(role);
      const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": `198.18.1.${roles.indexOf(role) + 1}` },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      cookies.set(role, response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; "));
    }
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("are each exempt or given an expected permission", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(actionPermissions).sort());
  });

  it("create a user or a token only for an admin", async () => {
    const db = await readDb();
    const attempt = async (role: Role | null) => {
      const email = `action-${role ?? "anonymous"}-${uniqueId()}@example.test`;
      const cookie = role ? cookies.get(role) : undefined;
      await callAction("createUserAction", "/admin/users", { form: { email, name: "Via curl", role: "admin", password: "a curl passphrase 123" } }, cookie);
      await callAction("createTokenAction", "/admin/tokens", { form: { name: email, role: "admin", expiresDays: "" } }, cookie);
      return { users: await db.user.count({ where: { email } }), tokens: await db.apiToken.count({ where: { name: email } }) };
    };
    for (const role of [null, "coordinator", "auditor"] as const) expect(await attempt(role), String(role)).toEqual({ users: 0, tokens: 0 });
    expect(await attempt("admin")).toEqual({ users: 1, tokens: 1 });
  });

  it("change nobody's role unless an admin asks", async () => {
    const target = await createTestUser("coordinator");
    for (const role of [null, "coordinator", "auditor"] as const) {
      await callAction("setRoleAction", "/admin/users", { form: { userId: target.id, role: "admin" } }, role ? cookies.get(role) : undefined);
    }
    const db = await readDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("coordinator");
    await callAction("setRoleAction", "/admin/users", { form: { userId: target.id, role: "auditor" } }, cookies.get("admin"));
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("auditor");
  });

  it("erase a consultation only for an admin who typed its id", async () => {
    const consultationId = uniqueId();
    await deliver(routeHandler, statusUpdate(consultationId, null, "new", "2024-08-03T10:00:00Z"));
    const db = await readDb();
    const exists = async () => db.consultation.count({ where: { id: BigInt(consultationId) } });
    const form = { consultationId: String(consultationId), confirmation: String(consultationId) };
    for (const role of [null, "coordinator", "auditor"] as const) {
      await callAction("eraseConsultationAction", `/consultations/${consultationId}`, { form }, role ? cookies.get(role) : undefined);
    }
    await callAction("eraseConsultationAction", `/consultations/${consultationId}`, { form: { ...form, confirmation: "1" } }, cookies.get("admin"));
    expect(await exists()).toBe(1);
    await callAction("eraseConsultationAction", `/consultations/${consultationId}`, { form }, cookies.get("admin"));
    expect(await exists()).toBe(0);
    // The erasure is in the audit trail (the refused attempts as permission.denied), with what went.
    const erased = await db.auditEvent.findMany({ where: { consultationId: BigInt(consultationId), action: "consultation.erased" } });
    expect(erased.map((event) => [event.role, event.outcome, JSON.parse(event.detail)])).toEqual([
      ["admin", "allowed", { statusChanges: 1, recommendations: 0, recommendationItems: 0, deliveries: 1 }],
    ]);
  });

  it("change a task only for a coordinator or an admin, at the version they saw, recorded in the audit trail", async () => {
    const consultationId = uniqueId();
    await deliver(routeHandler, recommendation(consultationId, "2024-08-03T10:00:00Z"));
    const db = await readDb();
    const tasks = await db.task.findMany({ where: { consultationId: BigInt(consultationId) }, orderBy: { id: "asc" } });
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    const [first, second] = tasks as [(typeof tasks)[0], (typeof tasks)[0]];
    const complete = (taskId: number, version: number) => ({ form: { taskId: String(taskId), version: String(version), change: "complete" } });
    for (const role of [null, "auditor"] as const) await callAction("taskAction", "/worklist", complete(first.id, 1), role ? cookies.get(role) : undefined);
    expect((await db.task.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("open");
    await callAction("taskAction", "/worklist", complete(first.id, 1), cookies.get("coordinator"));
    expect(await db.task.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "done", version: 2 });
    // An admin with a stale version: refused, told, nothing overwritten.
    const stale = await callAction("taskAction", "/worklist", { form: { taskId: String(first.id), version: "1", change: "dismiss", reason: "late" } }, cookies.get("admin"));
    expect(stale.text).toContain("Someone else changed this task");
    expect(await db.task.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "done", version: 2, dismissReason: null });
    await callAction("taskAction", `/consultations/${consultationId}`, { form: { taskId: String(second.id), version: "1", change: "notes", notes: "secret note text" } }, cookies.get("admin"));
    expect((await db.task.findUniqueOrThrow({ where: { id: second.id } })).notes).toBe("secret note text");
    const events = await db.auditEvent.findMany({ where: { consultationId: BigInt(consultationId), action: "task.changed" }, orderBy: { seq: "asc" } });
    expect(events.map((event) => [event.role, event.outcome, JSON.parse(event.detail)])).toEqual([
      ["coordinator", "allowed", { taskId: first.id, change: "complete" }],
      ["admin", "allowed", { taskId: first.id, change: "dismiss" }],
      ["admin", "failed", { taskId: first.id, change: "dismiss", conflict: true }],
      ["admin", "allowed", { taskId: second.id, change: "notes" }],
    ]);
    expect(events.some((event) => event.detail.includes("secret note"))).toBe(false);
  });

  it("change an alert rule, or reprocess a delivery, only for an admin", async () => {
    const db = await readDb();
    const consultationId = uniqueId();
    const delivery = await storeDelivery({ outcome: "rejected", httpStatus: 400, receivedAt: new Date(), errorCode: "invalid_payload" }, statusUpdate(consultationId, null, "new", "2024-08-03T10:00:00Z"));
    for (const role of [null, "coordinator", "auditor"] as const) {
      const cookie = role ? cookies.get(role) : undefined;
      await callAction("updateAlertRuleAction", "/alerts", { form: { rule: "stuck_new", threshold: "7", intent: "save" } }, cookie);
      await callAction("reprocessAction", "/admin/reprocess", { form: { deliveryId: String(delivery), intent: "apply" } }, cookie);
    }
    expect(await db.alertRuleSetting.count({ where: { rule: "stuck_new" } })).toBe(0);
    expect(await db.consultation.count({ where: { id: BigInt(consultationId) } })).toBe(0);
    await callAction("updateAlertRuleAction", "/alerts", { form: { rule: "stuck_new", threshold: "7", intent: "save" } }, cookies.get("admin"));
    await callAction("reprocessAction", "/admin/reprocess", { form: { deliveryId: String(delivery), intent: "apply" } }, cookies.get("admin"));
    expect((await db.alertRuleSetting.findUniqueOrThrow({ where: { rule: "stuck_new" } })).threshold).toBe(7);
    expect(await db.consultation.count({ where: { id: BigInt(consultationId) } })).toBe(1);
    await callAction("updateAlertRuleAction", "/alerts", { form: { rule: "stuck_new", intent: "reset" } }, cookies.get("admin"));
    expect(await db.alertRuleSetting.count({ where: { rule: "stuck_new" } })).toBe(0);
    // Each change and the run are in the audit trail, as the admin's.
    const recorded = await db.auditEvent.findMany({ where: { action: { in: ["alert_rule.changed", "deliveries.reprocessed"] }, role: "admin" }, orderBy: { seq: "asc" } });
    expect(recorded.map((event) => [event.action, JSON.parse(event.detail)])).toEqual([
      ["alert_rule.changed", { rule: "stuck_new", change: "updated", threshold: 7, businessHoursOnly: false }],
      ["deliveries.reprocessed", expect.objectContaining({ via: "page", selected: 1, accepted: 1, nowAccepted: 1, newConsultations: 1 })],
      ["alert_rule.changed", { rule: "stuck_new", change: "reset", threshold: 30, businessHoursOnly: false }],
    ]);
    expect(recorded[1]!.deliveryId).toBe(delivery);
  });

  it("reveal a pass code only to a role that may, and record the reveal", async () => {
    const consultationId = uniqueId();
    await deliver(routeHandler, recommendation(consultationId, "2024-08-02T10:00:00Z"));
    for (const role of [null, "auditor", "coordinator"] as const) {
      const { text } = await callAction("revealDispenseAction", `/consultations/${consultationId}`, { json: [consultationId, 1] }, role ? cookies.get(role) : undefined);
      if (role === "coordinator") expect(text).toContain('"pass-code"');
      else expect(text).not.toContain('"pass-code"');
    }
    const events = await (await readDb()).auditEvent.findMany({ where: { consultationId: BigInt(consultationId) } });
    expect(events.map((event) => [event.action, event.role])).toEqual([["passcode.revealed", "coordinator"]]);
  });
});
