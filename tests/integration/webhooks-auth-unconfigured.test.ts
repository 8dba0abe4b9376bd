// In production, with no authentication configured, every webhook is refused, and the error
// tells the operator what to set. (Outside production the other tests run unauthenticated.)
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { NODE_ENV: "production" });
  delete process.env.WEBHOOK_SIGNING_SECRETS;
  delete process.env.WEBHOOK_BEARER_TOKEN;
  delete process.env.WEBHOOK_BASIC_AUTH;
});

import { POST } from "@/app/api/webhooks/route";
import { readFixture } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

describe("production without webhook authentication", () => {
  it("answers 401 naming the variables to set", async () => {
    const response = await POST(webhookRequest(readFixture("status_update")));
    expect(response.status).toBe(401);
    const { error } = await response.json();
    expect(error.code).toBe("auth_not_configured");
    expect(error.message).toMatch(/WEBHOOK_SIGNING_SECRETS/);
    expect(error.message).toMatch(/WEBHOOK_BEARER_TOKEN/);
    expect(error.message).toMatch(/WEBHOOK_BASIC_AUTH/);
  });
});
