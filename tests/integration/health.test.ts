import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  it("reports the live database, current migrations and the version, without secrets", async () => {
    const response = await GET();
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
});
