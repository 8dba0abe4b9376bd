// Bearer token and HTTP Basic, both configured at once (either one authenticates).
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  delete process.env.WEBHOOK_SIGNING_SECRETS;
  process.env.WEBHOOK_BEARER_TOKEN = "tok_4f1c2a9e7b";
  process.env.WEBHOOK_BASIC_AUTH = "altibbi:pa55:word";
  Object.assign(process.env, { NODE_ENV: "production" });
});

import { POST } from "@/app/api/webhooks/route";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

const body = () => statusUpdate(uniqueId(), "new", "closed", "2024-06-01T08:00:00Z");
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;

describe("bearer and basic authentication", () => {
  it.each([
    ["the bearer token", "Bearer tok_4f1c2a9e7b"],
    ["the bearer token, lower-case scheme", "bearer tok_4f1c2a9e7b"],
    ["basic credentials (a colon in the password)", basic("altibbi:pa55:word")],
  ])("accepts %s", async (_name, authorization) => {
    const response = await POST(webhookRequest(body(), { unsigned: true, headers: { authorization } }));
    expect(response.status).toBe(200);
  });

  it.each([
    ["no credentials", undefined],
    ["a wrong bearer token", "Bearer tok_4f1c2a9e7c"],
    ["a prefix of the token", "Bearer tok_4f1c"],
    ["the token as basic password", basic("altibbi:tok_4f1c2a9e7b")],
    ["a wrong basic password", basic("altibbi:pa55")],
    ["basic credentials sent as bearer", `Bearer ${Buffer.from("altibbi:pa55:word").toString("base64")}`],
  ])("refuses %s with 401", async (_name, authorization) => {
    const response = await POST(webhookRequest(body(), { unsigned: true, headers: authorization ? { authorization } : {} }));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: "unauthorized" });
  });

  // A bearer token or Basic request carries no webhook-id: the body's SHA-256 is its dedup key.
  it("uses the body's SHA-256 as the dedup key when there is no webhook-id", async () => {
    const text = JSON.stringify(body());
    const results = await Promise.all(
      [1, 2, 3].map(() => POST(webhookRequest(text, { unsigned: true, headers: { authorization: "Bearer tok_4f1c2a9e7b" } })).then((r) => r.json())),
    );
    expect(results.map((r) => r.outcome).sort()).toEqual(["duplicate", "duplicate", "processed"]);
  });
});
