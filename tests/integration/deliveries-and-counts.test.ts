// lib/data for the deliveries page and the status counts, on a real database.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { GET as getDeliveryChangesRoute } from "@/app/api/deliveries/changes/route";
import { getDelivery, getDeliveryChanges, listDeliveries } from "@/lib/data/deliveries";
import { countConsultationsByStatus, getStatusCounts } from "@/lib/data/status-counts";
import { parseDeliveryQuery } from "@/lib/schemas/delivery";
import { statusUpdate, uniqueId } from "../support/payloads";
import { timeWindow } from "../support/time-window";
import { routeHandler } from "../support/route-handler";
import { deliver, webhookRequest } from "../support/webhooks";
import { asAdmin, asCoordinator } from "../support/callers";
import { bearerFor } from "../support/users";

const query = (input: Record<string, string>) => {
  const parsed = parseDeliveryQuery(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.query;
};

describe("deliveries", () => {
  it("lists every delivery newest first, filtered by outcome and type", async () => {
    const id = uniqueId();
    const body = statusUpdate(id, null, "new", timeWindow().at(1));
    const processed = await deliver(routeHandler, body);
    const duplicate = await deliver(routeHandler, body);
    expect(duplicate.outcome).toBe("duplicate");
    const rejectedResponse = await POST(webhookRequest({ type: "status_update", consultation_id: id, new_status: "NOT A STATUS" }));
    expect(rejectedResponse.status).toBe(400);

    // Everything up to and including our newest: other tests deliver concurrently, so look
    // from just above our own ids.
    const newest = await listDeliveries(asAdmin, query({ after: String(duplicate.delivery_id + 1_000_000) }));
    expect(newest.items.length).toBeGreaterThan(0);

    const fromDuplicate = await listDeliveries(asAdmin, query({ after: String(duplicate.delivery_id + 1) }));
    expect(fromDuplicate.items[0]).toMatchObject({ id: duplicate.delivery_id, outcome: "duplicate", type: "status_update", consultationId: id });
    // From just above our processed one: another file's processed delivery may lie between it and our duplicate.
    const processedOnly = await listDeliveries(asAdmin, query({ outcome: "processed", after: String(processed.delivery_id + 1) }));
    expect(processedOnly.items[0]).toMatchObject({ id: processed.delivery_id, outcome: "processed", httpStatus: 200 });
    expect(processedOnly.items.every((item) => item.outcome === "processed")).toBe(true);

    const rejected = await listDeliveries(asAdmin, query({ outcome: "rejected", type: "status_update" }));
    const ours = rejected.items.find((item) => item.consultationId === id);
    expect(ours).toMatchObject({ outcome: "rejected", httpStatus: 400, errorCode: "invalid_payload", errorDetail: expect.stringContaining("new_status") });

    const other = await listDeliveries(asAdmin, query({ type: "other" }));
    expect(other.items.every((item) => item.type !== "status_update" && item.type !== "recommendation_data")).toBe(true);
  });

  it("pages with keyset cursors in both directions", async () => {
    for (let i = 0; i < 3; i++) await deliver(routeHandler, statusUpdate(uniqueId(), null, "new", timeWindow().at(1)));
    const first = await listDeliveries(asAdmin, query({}));
    expect(first.page.prev).toBeNull();
    if (!first.page.next) return; // fewer than one page in this database so far
    const second = await listDeliveries(asAdmin, query({ after: String(first.page.next) }));
    expect(second.items[0]!.id).toBeLessThan(first.items[first.items.length - 1]!.id);
    expect(second.page.prev).toBe(second.items[0]!.id);
    const back = await listDeliveries(asAdmin, query({ before: String(second.page.prev) }));
    expect(back.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id).filter((id) => id > second.items[0]!.id).slice(-back.items.length));
  });

  it("opens one delivery with its headers and raw body", async () => {
    const id = uniqueId();
    const response = await POST(
      webhookRequest(statusUpdate(id, null, "new", timeWindow().at(1)), { headers: { authorization: "Bearer super-secret-token", "user-agent": "Altibbi" } }),
    );
    const { delivery_id: deliveryId } = await response.json();
    const delivery = await getDelivery(asAdmin, deliveryId);
    expect(delivery).toMatchObject({ id: deliveryId, outcome: "processed", consultationId: id, type: "status_update" });
    expect(delivery!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Altibbi", authorization: "Bearer" });
    expect(JSON.stringify(delivery)).not.toContain("super-secret-token");
    expect(JSON.parse(delivery!.rawBody!)).toMatchObject({ consultation_id: id });
    expect(await getDelivery(asAdmin, 2_000_000_000)).toBeNull();
    expect(await getDelivery(asAdmin, -1)).toBeNull();
  });

  it("reports the newest ids for the live refresh", async () => {
    const { delivery_id: deliveryId } = await deliver(routeHandler, statusUpdate(uniqueId(), null, "new", timeWindow().at(1)));
    const latest = await getDeliveryChanges(asAdmin);
    expect(latest.latestIds.length).toBeLessThanOrEqual(100);
    expect(latest.latestIds).toContain(deliveryId);
    const response = await getDeliveryChangesRoute(new Request("http://localhost/api/deliveries/changes", { headers: { authorization: await bearerFor("admin") } }));
    expect(response.status).toBe(200);
    expect((await response.json()).latestIds).toContain(deliveryId);
  });

  it("rejects malformed filters", () => {
    expect(parseDeliveryQuery({ outcome: "lost" }).ok).toBe(false);
    expect(parseDeliveryQuery({ type: "x" }).ok).toBe(false);
    expect(parseDeliveryQuery({ after: "1", before: "2" }).ok).toBe(false);
    expect(parseDeliveryQuery({ after: "abc" }).ok).toBe(false);
  });
});

describe("status counts", () => {
  it("counts every status, undocumented and missing ones as other", async () => {
    const w = timeWindow();
    const before = await countConsultationsByStatus();
    await deliver(routeHandler, statusUpdate(uniqueId(), null, "new", w.at(1)));
    await deliver(routeHandler, statusUpdate(uniqueId(), "in_progress", "closed", w.at(2)));
    await deliver(routeHandler, statusUpdate(uniqueId(), "new", "escalated", w.at(3)));
    const after = await countConsultationsByStatus();
    // Other tests add consultations at the same time: at least ours were counted.
    expect(after.new - before.new).toBeGreaterThanOrEqual(1);
    expect(after.closed - before.closed).toBeGreaterThanOrEqual(1);
    expect(after.other - before.other).toBeGreaterThanOrEqual(1);
    expect(after.total).toBe(after.new + after.checking_medical_profile + after.in_progress + after.closed + after.other);
  });

  it("serves cached counts, recounted in the background when they are a few seconds old", async () => {
    const first = await getStatusCounts(asCoordinator);
    const again = await getStatusCounts(asCoordinator);
    expect(again).toBe(first);
    expect(Date.now() - Date.parse(first.countedAt)).toBeLessThan(30_000);
  });
});
