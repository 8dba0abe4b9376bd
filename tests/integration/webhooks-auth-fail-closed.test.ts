// Authentication never fails open on NODE_ENV: unauthenticated webhooks are accepted only by code
// compiled by `next dev` with WEBHOOK_AUTH=none. Neither NODE_ENV=development nor WEBHOOK_AUTH=none
// opens the production build (`next start`), nor the route handler outside `next dev`.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { NODE_ENV: "development", WEBHOOK_AUTH: "none" });
  delete process.env.WEBHOOK_SIGNING_SECRETS;
  delete process.env.WEBHOOK_BEARER_TOKEN;
  delete process.env.WEBHOOK_BASIC_AUTH;
});

import { POST } from "@/app/api/webhooks/route";
import { allowUnauthenticatedWebhooks, webhookAuthWarning } from "@/lib/env";
import { startNextServer, type RunningServer } from "../support/next-server";
import { statusUpdate, uniqueId } from "../support/payloads";
import { sendWebhook, serverAt, webhookRequest } from "../support/webhooks";

const body = () => statusUpdate(uniqueId(), "new", "closed", "2024-06-01T08:00:00Z");

describe("outside next dev, NODE_ENV=development and WEBHOOK_AUTH=none open nothing", () => {
  it("refuses an unsigned webhook in process, and says WEBHOOK_AUTH=none is ignored", async () => {
    expect(allowUnauthenticatedWebhooks).toBe(false);
    expect(webhookAuthWarning).toMatch(/WEBHOOK_AUTH=none is ignored/);
    const response = await POST(webhookRequest(body(), { unsigned: true }));
    expect(response.status).toBe(401);
  });
});

describe.each(["development", "test"])("the production build started with NODE_ENV=%s and no secret", (nodeEnv) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNextServer({ DATABASE_URL: process.env.DATABASE_URL!, NODE_ENV: nodeEnv, WEBHOOK_AUTH: "none" });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses unauthenticated webhooks with 401", async () => {
    const response = await sendWebhook(serverAt(server.url), body(), { unsigned: true });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toMatch(/^(unauthorized|auth_not_configured)$/);
  });
});
