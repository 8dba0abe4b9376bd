// Every action the audit trail records, done for real against `next start` (pages, the read API,
// server actions, better-auth's endpoints), each test asserting its row: who (user or token,
// role), from where (the client IP through the trusted-proxy rule, the user agent), what was
// touched, the outcome and the detail (identifiers and counts, no medical content).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Prisma } from "@/lib/db";
import { serverEnv } from "../support/deliveries";
import { startNextServer, type RunningServer } from "../support/next-server";
import { recommendation, recommendationData, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { serverActions, signInOver } from "../support/server-actions";
import { totpCode } from "../support/totp";
import { createTestUser, type TestUser } from "../support/users";
import { deliver } from "../support/webhooks";

const userAgent = "audit-events-test/1.0";
let server: RunningServer;
let callAction: ReturnType<typeof serverActions>;
const users = {} as Record<"admin" | "coordinator" | "auditor", TestUser & { cookie: string; ip: string }>;

/** A request as a browser behind the trusted proxy (127.0.0.1) would send it, from `ip`. */
const from = (ip: string, cookie?: string): Record<string, string> => ({ "x-forwarded-for": ip, "user-agent": userAgent, ...(cookie ? { cookie } : {}) });
const as = (role: keyof typeof users) => from(users[role].ip, users[role].cookie);

async function latest(where: Prisma.AuditEventWhereInput) {
  return (await readDb()).auditEvent.findFirstOrThrow({ where, orderBy: { seq: "desc" } });
}

/** Fetches a page or an answer and reads it whole (a page streams: its rows are recorded before its data, not before its headers). */
async function get(path: string, headers: Record<string, string>): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/** A consultation with a recommendation (and its pass code), made through the webhook receiver. */
async function consultationWithRecommendation(): Promise<{ id: number; recommendationId: number }> {
  const id = uniqueId();
  await deliver(routeHandler, recommendation(id, "2024-09-03T10:00:00Z", recommendationData({ dispense: { url: "https://web.altibb.com/p/1", pass_code: 987654, qr_code: "" } })));
  const rec = await (await readDb()).recommendation.findFirstOrThrow({ where: { consultationId: BigInt(id) } });
  return { id, recommendationId: rec.id };
}

beforeAll(async () => {
  server = await startNextServer({ ...serverEnv(), CARE_DESK_TRUSTED_PROXIES: "127.0.0.1" });
  callAction = serverActions(server);
  for (const role of ["admin", "coordinator", "auditor"] as const) {
    const user = await createTestUser(role);
    const ip = randomIp();
    const { response, cookie } = await signInOver(server, user, from(ip));
    expect(response.status).toBe(200);
    users[role] = { ...user, cookie, ip };
  }
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("the audit trail records", () => {
  it("a consultation opened on its page, with the version shown", async () => {
    const { id, recommendationId } = await consultationWithRecommendation();
    const response = await fetch(`${server.url}/consultations/${id}`, { headers: as("coordinator") });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Masked until Reveal: the pass code is not in the page at all.
    expect(html).not.toContain("987654");
    expect(html).toContain("••••");
    const row = await latest({ action: "consultation.viewed", consultationId: BigInt(id) });
    expect(row).toMatchObject({
      actorKind: "user", actorId: users.coordinator.id, actorLabel: users.coordinator.email, role: "coordinator",
      ip: users.coordinator.ip, userAgent, outcome: "allowed", recommendationId, deliveryId: null,
    });
    expect(JSON.parse(row.detail)).toEqual({ via: "page", versions: 1 });
  });

  it("shows admins who opened a consultation, and nobody else", async () => {
    const { id } = await consultationWithRecommendation();
    await get(`/consultations/${id}`, as("coordinator"));
    const admin = await get(`/consultations/${id}`, as("admin"));
    expect(admin.text).toContain("Who opened this");
    expect(admin.text).toContain(users.coordinator.email);
    const coordinator = await get(`/consultations/${id}`, as("coordinator"));
    expect(coordinator.text).not.toContain("Who opened this");
  });

  it("a consultation read through GET /api/consultations/{id} with an API token", async () => {
    const { id, recommendationId } = await consultationWithRecommendation();
    const token = await createApiToken({ name: `audit ${randomUUID().slice(0, 8)}`, role: "coordinator" });
    const response = await fetch(`${server.url}/api/consultations/${id}`, { headers: { ...from("192.0.2.77"), authorization: `Bearer ${token.token}` } });
    expect(response.status).toBe(200);
    const row = await latest({ action: "consultation.viewed", consultationId: BigInt(id) });
    expect(row).toMatchObject({ actorKind: "token", actorId: token.id, role: "coordinator", ip: "192.0.2.77", userAgent, outcome: "allowed", recommendationId });
    expect(JSON.parse(row.detail)).toEqual({ via: "api", versions: 1 });
  });

  it("a list or search query, page and API, with its filters, term and row count", async () => {
    const term = `needle-${randomUUID().slice(0, 8)}`;
    expect((await get(`/consultations?q=${term}&status=closed`, as("coordinator"))).status).toBe(200);
    const page = await latest({ action: "consultations.listed", actorId: users.coordinator.id });
    expect(page).toMatchObject({ role: "coordinator", ip: users.coordinator.ip, userAgent, consultationId: null });
    expect(JSON.parse(page.detail)).toEqual({ via: "page", query: `status=closed&q=${term}`, rows: 0 });

    const { id } = await consultationWithRecommendation();
    expect((await get(`/api/consultations?q=${id}`, as("coordinator"))).status).toBe(200);
    const api = await latest({ action: "consultations.listed", actorId: users.coordinator.id });
    expect(JSON.parse(api.detail)).toEqual({ via: "api", query: `q=${id}`, rows: 1 });
  });

  it("a print page opened, with its paper size", async () => {
    const { id, recommendationId } = await consultationWithRecommendation();
    const response = await fetch(`${server.url}/consultations/${id}/print?paper=a5`, { headers: as("coordinator") });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("987654");
    const row = await latest({ action: "print.viewed", consultationId: BigInt(id) });
    expect(row).toMatchObject({ actorId: users.coordinator.id, role: "coordinator", ip: users.coordinator.ip, userAgent, recommendationId, outcome: "allowed" });
    expect(JSON.parse(row.detail)).toEqual({ paperSize: "a5" });
  });

  it("the pass code revealed, and only then sent", async () => {
    const { id, recommendationId } = await consultationWithRecommendation();
    const response = await callAction("revealDispenseAction", `/consultations/${id}`, { json: [id, 1] }, as("coordinator"));
    expect(response.text).toContain("987654");
    const row = await latest({ action: "passcode.revealed", consultationId: BigInt(id) });
    expect(row).toMatchObject({ actorId: users.coordinator.id, role: "coordinator", ip: users.coordinator.ip, userAgent, recommendationId, outcome: "allowed", detail: "{}" });
  });

  it("a delivery's raw body opened and downloaded by an admin", async () => {
    const { delivery_id: deliveryId } = await deliver(routeHandler, recommendation(uniqueId(), "2024-09-04T10:00:00Z"));
    expect((await get(`/deliveries/${deliveryId}`, as("admin"))).status).toBe(200);
    const page = await latest({ action: "delivery.body_viewed", deliveryId });
    expect(page).toMatchObject({ actorId: users.admin.id, role: "admin", ip: users.admin.ip, userAgent, outcome: "allowed" });
    expect(JSON.parse(page.detail)).toMatchObject({ via: "page", bytes: expect.any(Number) });
    const download = await fetch(`${server.url}/deliveries/${deliveryId}/body`, { headers: as("admin") });
    const body = await download.text();
    const row = await latest({ action: "delivery.body_viewed", deliveryId });
    expect(JSON.parse(row.detail)).toEqual({ via: "download", bytes: Buffer.byteLength(body) });
  });

  it("sign-in succeeded, failed and locked", async () => {
    const user = await createTestUser("coordinator");
    const ip = randomIp();
    expect((await signInOver(server, user, from(ip))).response.status).toBe(200);
    expect(await latest({ action: "sign_in.succeeded", actorId: user.id })).toMatchObject({ actorLabel: user.email, role: "coordinator", ip, userAgent, outcome: "allowed", detail: '{"method":"password"}' });

    const wrong = { email: user.email, password: "not the password at all" };
    for (let attempt = 0; attempt < 5; attempt++) expect((await signInOver(server, wrong, from(ip))).response.status).toBe(401);
    const failed = await latest({ action: "sign_in.failed", ip });
    expect(failed).toMatchObject({ actorKind: "anonymous", actorId: null, outcome: "denied", userAgent });
    expect(JSON.parse(failed.detail)).toEqual({ email: user.email, method: "password" });
    expect((await signInOver(server, user, from(ip))).response.status).toBe(429);
    const locked = await latest({ action: "sign_in.locked", ip });
    expect(locked).toMatchObject({ actorKind: "anonymous", outcome: "denied" });
    expect(JSON.parse(locked.detail)).toMatchObject({ email: user.email, retryAfterSeconds: expect.any(Number) });
  });

  it("sign-out", async () => {
    const user = await createTestUser("auditor");
    const ip = randomIp();
    const { cookie } = await signInOver(server, user, from(ip));
    const response = await fetch(`${server.url}/api/auth/sign-out`, { method: "POST", headers: { ...from(ip, cookie), origin: server.url, "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(200);
    expect(await latest({ action: "sign_out", actorId: user.id })).toMatchObject({ role: "auditor", ip, userAgent, detail: '{"everywhere":false}' });
  });

  it("two-factor enrolled and removed", async () => {
    const user = await createTestUser("auditor");
    const ip = randomIp();
    let { cookie } = await signInOver(server, user, from(ip));
    const started = (await callAction("startTwoFactorAction", "/account", { form: { password: user.password } }, from(ip, cookie))).text;
    const secret = /"secret":"([A-Z2-7]+)"/.exec(started)?.[1];
    expect(secret, started.slice(0, 500)).toBeTruthy();
    const confirmed = await callAction("confirmTwoFactorAction", "/account", { form: { code: totpCode(secret!) } }, from(ip, cookie));
    expect(confirmed.text).toContain("Two-factor sign-in is on");
    expect(await latest({ action: "two_factor.enrolled", actorId: user.id })).toMatchObject({ subjectUserId: user.id, role: "auditor", ip, userAgent });
    // Enrolment renews the session: the browser now holds the new cookie.
    const renewed = confirmed.headers.getSetCookie().map((line) => line.split(";")[0]!).filter((part) => part.includes("session_token"));
    if (renewed.length > 0) cookie = renewed.join("; ");
    const disabled = await callAction("disableTwoFactorAction", "/account", { form: { password: user.password } }, from(ip, cookie));
    expect(disabled.text).toContain("Two-factor sign-in is off");
    expect(await latest({ action: "two_factor.removed", actorId: user.id })).toMatchObject({ subjectUserId: user.id, role: "auditor", ip });
  });

  it("a user created, changed, disabled and given another role", async () => {
    const email = `made-${randomUUID().slice(0, 8)}@example.test`;
    await callAction("createUserAction", "/admin/users", { form: { email, name: "Made here", role: "coordinator", password: "a long passphrase for audit" } }, as("admin"));
    const created = await latest({ action: "user.created", actorId: users.admin.id });
    const made = await (await readDb()).user.findUniqueOrThrow({ where: { email } });
    expect(created).toMatchObject({ subjectUserId: made.id, role: "admin", ip: users.admin.ip, userAgent, outcome: "allowed" });
    expect(JSON.parse(created.detail)).toEqual({ email, role: "coordinator" });

    await callAction("setRoleAction", "/admin/users", { form: { userId: made.id, role: "auditor" } }, as("admin"));
    expect(await latest({ action: "user.role_changed", subjectUserId: made.id })).toMatchObject({ actorId: users.admin.id, detail: '{"role":"auditor"}' });
    await callAction("resetPasswordAction", "/admin/users", { form: { userId: made.id, password: "another long passphrase 42" } }, as("admin"));
    expect(await latest({ action: "user.changed", subjectUserId: made.id })).toMatchObject({ actorId: users.admin.id, detail: '{"change":"password_reset"}' });
    await callAction("setDisabledAction", "/admin/users", { form: { userId: made.id, disabled: "true" } }, as("admin"));
    expect(await latest({ action: "user.disabled", subjectUserId: made.id })).toMatchObject({ actorId: users.admin.id, detail: '{"disabled":true}' });
  });

  it("an API token created and revoked", async () => {
    const name = `audit token ${randomUUID().slice(0, 8)}`;
    await callAction("createTokenAction", "/admin/tokens", { form: { name, role: "auditor", expiresDays: "30" } }, as("admin"));
    const token = await (await readDb()).apiToken.findFirstOrThrow({ where: { name } });
    const created = await latest({ action: "token.created", subjectTokenId: token.id });
    expect(created).toMatchObject({ actorId: users.admin.id, role: "admin", ip: users.admin.ip, userAgent });
    expect(JSON.parse(created.detail)).toEqual({ name, role: "auditor", expiresInDays: 30 });
    expect(created.detail).not.toContain("cdk_");
    await callAction("revokeTokenAction", "/admin/tokens", { form: { tokenId: token.id } }, as("admin"));
    expect(await latest({ action: "token.revoked", subjectTokenId: token.id })).toMatchObject({ actorId: users.admin.id, detail: "{}" });
  });

  it("a setting changed (the webhook secret rotated), never its value", async () => {
    await callAction("rotateWebhookSecretAction", "/admin/settings", { json: [] }, as("admin"));
    const row = await latest({ action: "setting.changed", actorId: users.admin.id });
    expect(row).toMatchObject({ role: "admin", ip: users.admin.ip, userAgent, detail: '{"setting":"webhook_secret"}' });
  });

  it("the audit trail exported, and a verification run from /audit", async () => {
    const { id } = await consultationWithRecommendation();
    await get(`/consultations/${id}`, as("coordinator"));
    const csv = await get(`/audit/export?consultation=${id}`, as("auditor"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("consultation.viewed");
    const exported = await latest({ action: "audit.exported", actorId: users.auditor.id });
    expect(exported).toMatchObject({ role: "auditor", ip: users.auditor.ip, userAgent });
    expect(JSON.parse(exported.detail)).toEqual({ query: `consultation=${id}`, rows: 1 });

    const verified = await callAction("verifyAuditChainAction", "/audit", { form: {} }, as("auditor"));
    expect(verified.text).toContain("events verified");
    const row = await latest({ action: "audit.verified", actorId: users.auditor.id });
    expect(JSON.parse(row.detail)).toMatchObject({ outcome: "intact", events: expect.any(Number), firstBadSeq: null });
  });

  it("a permission refused, on a page, an API and a server action; anonymous callers are not recorded", async () => {
    const before = await (await readDb()).auditEvent.count({ where: { action: "permission.denied", actorKind: "anonymous" } });
    expect((await get(`/deliveries`, as("coordinator"))).status).toBe(403);
    const page = await latest({ action: "permission.denied", actorId: users.coordinator.id });
    expect(page).toMatchObject({ role: "coordinator", ip: users.coordinator.ip, userAgent, outcome: "denied" });
    expect(JSON.parse(page.detail)).toEqual({ permission: "deliveries:read", path: "/deliveries" });
    // The list page's layout and the page both check: one row per refused request.
    expect(await (await readDb()).auditEvent.count({ where: { action: "permission.denied", actorId: users.coordinator.id, seq: { gte: page.seq - 1n } } })).toBe(1);

    expect((await get(`/api/consultations`, as("auditor"))).status).toBe(403);
    expect(JSON.parse((await latest({ action: "permission.denied", actorId: users.auditor.id })).detail)).toEqual({ permission: "consultations:read", path: "/api/consultations" });

    await callAction("rotateWebhookSecretAction", "/admin/settings", { json: [] }, as("coordinator"));
    expect(JSON.parse((await latest({ action: "permission.denied", actorId: users.coordinator.id })).detail)).toEqual({ permission: "settings:manage", path: null });

    expect((await fetch(`${server.url}/api/consultations`)).status).toBe(401);
    expect(await (await readDb()).auditEvent.count({ where: { action: "permission.denied", actorKind: "anonymous" } })).toBe(before);
  });
});
