import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createApiToken } from "@/lib/auth/api-tokens";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/api/health", { headers });

describe("GET /api/health", () => {
  it("tells an anonymous caller only that it works", async () => {
    const response = await GET(request());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("gives an admin token the live database, current migrations and the version, without secrets", async () => {
    const { token } = await createApiToken({ name: "health check", role: "admin" });
    const response = await GET(request({ authorization: `Bearer ${token}` }));
    expect(response.status).toBe(200);
    const body = await response.json();
    const expectedKind = process.env.DATABASE_URL!.startsWith("file:") ? "sqlite" : "postgresql";
    expect(body).toMatchObject({
      status: "ok",
      database: { kind: expectedKind, reachable: true },
      migrations: { upToDate: true, pending: [] },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(JSON.stringify(body)).not.toMatch(/postgres(ql)?:\/\/|file:|care-desk-test/);
  });

  it("gives a coordinator token and an unknown token no details", async () => {
    const { token } = await createApiToken({ name: "coordinator health", role: "coordinator" });
    for (const authorization of [`Bearer ${token}`, "Bearer cdk_unknown"]) {
      expect(await (await GET(request({ authorization }))).json()).toEqual({ status: "ok" });
    }
  });
});
