// GET /api/ready on both databases: 200 when the database answers with every migration applied;
// 503 with the common error body while the ingest queue sheds load, and 200 again after.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { POST } from "@/app/api/webhooks/route";
import { maxPendingBytes } from "@/lib/webhooks/ingest";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

const ready = async () => {
  const response = await GET(new Request("http://localhost/api/ready"));
  return { status: response.status, body: (await response.json()) as unknown, retryAfter: response.headers.get("retry-after") };
};

describe("GET /api/ready", () => {
  it("answers 200 when the database answers and the schema is current", async () => {
    expect(await ready()).toEqual({ status: 200, body: { status: "ready" }, retryAfter: null });
  });

  it("answers 503 while the ingest queue turns deliveries away, then 200 again", async () => {
    const padding = "p".repeat(1024 * 1024 - 1024);
    const count = Math.ceil((2 * maxPendingBytes) / (1024 * 1024));
    const burst = Promise.all(Array.from({ length: count }, () => POST(webhookRequest(statusUpdate(uniqueId(), null, "new", "2024-06-02T08:00:00Z", { padding })))));
    await expect
      .poll(ready, { timeout: 30_000, interval: 20 })
      .toEqual({ status: 503, body: { error: { code: "not_ready", message: expect.stringContaining("turning webhook deliveries away") } }, retryAfter: "5" });
    const statuses = (await burst).map((response) => response.status);
    expect(statuses).toContain(503);
    await expect.poll(async () => (await ready()).status, { timeout: 30_000, interval: 200 }).toBe(200);
  }, 120_000);
});
