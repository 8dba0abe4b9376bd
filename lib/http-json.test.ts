import { describe, expect, it } from "vitest";
import { PermissionDeniedError } from "./auth/permissions";
import { internalError } from "./http-json";

describe("internalError", () => {
  it("answers a permission lib/data refused as 403 with the common error body", async () => {
    const response = internalError("GET /api/test", new PermissionDeniedError("deliveries:read"));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "This role may not deliveries:read." } });
  });

  it("answers anything else as a generic 500 that leaks nothing", async () => {
    const response = internalError("GET /api/test", new Error("SELECT * FROM secrets failed"));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
    expect(body).not.toContain("secrets");
  });
});
