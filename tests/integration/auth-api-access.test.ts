// The read API, deny by default: no credentials → 401; each role → exactly its column of the
// table; API tokens (cdk_…): revocable, optional expiry, last-used time.
import { describe, expect, it } from "vitest";
import { GET as getList } from "@/app/api/consultations/route";
import { GET as getOne } from "@/app/api/consultations/[id]/route";
import { GET as getChanges } from "@/app/api/consultations/changes/route";
import { GET as getDeliveryChanges } from "@/app/api/deliveries/changes/route";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { writeTransaction } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";
import { statusUpdate, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { deliver } from "../support/webhooks";
import { bearerFor, cookieHeader, clientHeaders, createTestUser } from "../support/users";
import { signInWithPassword } from "@/lib/auth/sign-in";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const id = uniqueId();
const routes: { path: string; handler: Handler; allowed: Role[] }[] = [
  { path: "/api/consultations", handler: getList, allowed: ["admin", "coordinator"] },
  { path: `/api/consultations/${id}`, handler: getOne, allowed: ["admin", "coordinator"] },
  { path: "/api/consultations/changes", handler: getChanges, allowed: ["admin", "coordinator"] },
  { path: "/api/deliveries/changes", handler: getDeliveryChanges, allowed: ["admin"] },
];

const call = (route: (typeof routes)[number], headers: Record<string, string> = {}) =>
  route.handler(new Request(`http://localhost${route.path}`, { headers }), { params: Promise.resolve({ id: String(id) }) });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(JSON.stringify(body)).not.toMatch(/diagnos|pass ?code|rawBody/i);
}

describe("the read API", () => {
  it("answers 401 with the common error body without credentials, with a bad token, or a bad scheme", async () => {
    await deliver(routeHandler, statusUpdate(id, null, "new", "2024-06-01T10:00:00Z"));
    for (const route of routes) {
      await expectError(await call(route), 401, "unauthorized");
      await expectError(await call(route, { authorization: "Bearer cdk_not-a-token" }), 401, "unauthorized");
      await expectError(await call(route, { authorization: "Basic YWRtaW46YWRtaW4=" }), 401, "unauthorized");
      await expectError(await call(route, { cookie: "care-desk.session_token=forged.value" }), 401, "unauthorized");
    }
  });

  it.each<Role>(["admin", "coordinator", "auditor"])("gives the %s role exactly its column, by token and by session", async (role) => {
    const authorization = await bearerFor(role);
    const user = await createTestUser(role);
    const signedIn = await signInWithPassword(user.email, user.password, clientHeaders());
    const cookie = signedIn.ok ? cookieHeader(signedIn.setCookies) : "";
    for (const route of routes) {
      for (const headers of [{ authorization }, { cookie }] as Record<string, string>[]) {
        const response = await call(route, headers);
        if (route.allowed.includes(role)) expect(response.status, `${role} ${route.path}`).toBe(200);
        else await expectError(response, 403, "forbidden");
      }
    }
  });
});

describe("API tokens", () => {
  const list = routes[0]!;

  it("are shown once with the cdk_ prefix, stored hashed, and record when they were last used", async () => {
    const { id: tokenId, token } = await createApiToken({ name: "integrator", role: "coordinator", createdBy: "test" });
    expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{40,}$/);
    const before = (await listApiTokens()).find((row) => row.id === tokenId)!;
    expect(before).toMatchObject({ name: "integrator", role: "coordinator", prefix: token.slice(0, 10), lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(await listApiTokens())).not.toContain(token);
    expect((await call(list, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await listApiTokens()).find((row) => row.id === tokenId)!.lastUsedAt).not.toBeNull();
  });

  it("stop working when revoked", async () => {
    const { id: tokenId, token } = await createApiToken({ name: "to revoke", role: "coordinator" });
    expect((await call(list, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(await revokeApiToken(tokenId)).toBe(true);
    expect(await revokeApiToken(tokenId)).toBe(false);
    await expectError(await call(list, { authorization: `Bearer ${token}` }), 401, "unauthorized");
  });

  it("stop working when they expire", async () => {
    const { id: tokenId, token, expiresAt } = await createApiToken({ name: "short-lived", role: "coordinator", expiresInDays: 90 });
    expect(expiresAt!.getTime()).toBeGreaterThan(Date.now() + 89 * 24 * 60 * 60 * 1000);
    expect((await call(list, { authorization: `Bearer ${token}` })).status).toBe(200);
    await writeTransaction((tx) => tx.apiToken.update({ where: { id: tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    await expectError(await call(list, { authorization: `Bearer ${token}` }), 401, "unauthorized");
  });
});
