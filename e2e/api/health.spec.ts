import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/test-server";

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("GET /api/health reports SQLite, current migrations and the version, and no connection string", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { kind: "sqlite", reachable: true },
      migrations: { upToDate: true, pending: [] },
    });
    expect(body.migrations.applied).toBeGreaterThan(0);
    expect(await response.text()).not.toMatch(/file:|postgres(ql)?:\/\/|care-desk-e2e|\.db\b/);
  });
});

test.describe("anonymous", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("GET /api/health says only whether it works", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
