// Load shedding: deliveries waiting to be stored are bounded by count and bytes
// (lib/webhooks/ingest.ts); beyond the bound a delivery is answered 503 with Retry-After (and
// nothing stored), never a 5xx of another kind, and every 200 is stored.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { readDb } from "@/lib/db";
import { maxPendingBytes } from "@/lib/webhooks/ingest";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

describe("a burst beyond the ingestion queue's bound", () => {
  it("answers 503 with Retry-After to what does not fit, and stores every delivery answered 200", async () => {
    // Bodies of almost 1 MiB, twice as many as the byte bound holds, all at once.
    const padding = "p".repeat(1024 * 1024 - 1024);
    const count = Math.ceil((2 * maxPendingBytes) / (1024 * 1024));
    const ids = Array.from({ length: count }, () => uniqueId());
    const responses = await Promise.all(ids.map((id) => POST(webhookRequest(statusUpdate(id, null, "new", "2024-06-01T08:00:00Z", { padding })))));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
    for (const response of responses.filter((r) => r.status === 503)) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await response.json()).error).toMatchObject({ code: "overloaded", message: expect.any(String) });
    }

    const db = await readDb();
    const stored = await db.webhookDelivery.findMany({ where: { consultationId: { in: ids.map(BigInt) }, outcome: "processed" }, select: { consultationId: true } });
    const answered200 = ids.filter((_, index) => statuses[index] === 200).map(BigInt).sort();
    expect(stored.map((row) => row.consultationId!).sort()).toEqual(answered200);

    // Once the burst is stored, the queue takes deliveries again.
    expect((await POST(webhookRequest(statusUpdate(uniqueId(), null, "new", "2024-06-01T08:00:00Z")))).status).toBe(200);
  }, 120_000);
});
