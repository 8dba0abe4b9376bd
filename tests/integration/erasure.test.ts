// A member's right to erasure, on both databases: an admin erases one consultation and every row
// about it (status changes, recommendation versions and their items, every delivery naming it);
// other consultations are untouched; only an admin may; the counts say what went.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { PermissionDeniedError } from "@/lib/auth/permissions";
import { readDb } from "@/lib/db";
import { getErasurePreview } from "@/lib/data/erasure-preview";
import { eraseConsultation } from "@/lib/writes/erase-consultation";
import { asAdmin, asAuditor, asCoordinator } from "../support/callers";
import { recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { timeWindow } from "../support/time-window";
import { deliver, webhookRequest } from "../support/webhooks";
import { routeHandler } from "../support/route-handler";

async function consultationWithEverything(at: (minutes: number) => string) {
  const id = uniqueId();
  await deliver(routeHandler, statusUpdate(id, null, "new", at(1)));
  await deliver(routeHandler, statusUpdate(id, "new", "in_progress", at(2)));
  const body = recommendation(id, at(3));
  await deliver(routeHandler, body);
  await deliver(routeHandler, body); // a redelivery: a duplicate row naming it
  await deliver(routeHandler, recommendation(id, at(4), undefined, { note: "a revised version" }));
  expect((await POST(webhookRequest({ type: "status_update", consultation_id: id, new_status: 12 }))).status).toBe(400);
  return id;
}

async function rowsAbout(id: number) {
  const db = await readDb();
  const consultationId = BigInt(id);
  const recommendations = await db.recommendation.findMany({ where: { consultationId }, select: { id: true } });
  const ofThem = { recommendationId: { in: recommendations.map((row) => row.id) } };
  return {
    consultation: await db.consultation.count({ where: { id: consultationId } }),
    statusChanges: await db.statusChange.count({ where: { consultationId } }),
    recommendations: recommendations.length,
    drugs: await db.recommendationDrug.count({ where: ofThem }),
    icd10: await db.recommendationIcd10.count({ where: ofThem }),
    deliveries: await db.webhookDelivery.count({ where: { consultationId } }),
  };
}

describe("erasing a consultation", () => {
  it("deletes it and every row about it, says what it deleted, and leaves other consultations alone", async () => {
    const { at } = timeWindow();
    const erased = await consultationWithEverything(at);
    const kept = await consultationWithEverything(at);
    const before = await rowsAbout(erased);
    const keptBefore = await rowsAbout(kept);
    expect(before).toMatchObject({ consultation: 1, statusChanges: 2, recommendations: 2, deliveries: 6 });
    expect(before.drugs).toBeGreaterThan(0);

    const preview = await getErasurePreview(asAdmin, BigInt(erased));
    const counts = await eraseConsultation(asAdmin, BigInt(erased));
    expect(counts).toEqual(preview);
    expect(counts).toMatchObject({ consultation: 1, statusChanges: 2, recommendations: 2, deliveries: 6 });
    expect(counts.recommendationItems).toBeGreaterThanOrEqual(before.drugs + before.icd10);

    expect(await rowsAbout(erased)).toEqual({ consultation: 0, statusChanges: 0, recommendations: 0, drugs: 0, icd10: 0, deliveries: 0 });
    expect(await rowsAbout(kept)).toEqual(keptBefore);
    expect(keptBefore.deliveries).toBe(6);

    // Nothing is left under that id: a second erasure deletes nothing.
    expect(Object.values(await eraseConsultation(asAdmin, BigInt(erased))).every((count) => count === 0)).toBe(true);
  });

  it("is for admins only", async () => {
    const { at } = timeWindow();
    const id = await consultationWithEverything(at);
    for (const caller of [asCoordinator, asAuditor]) {
      await expect(eraseConsultation(caller, BigInt(id))).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(getErasurePreview(caller, BigInt(id))).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect((await rowsAbout(id)).consultation).toBe(1);
  });

  it("creates the consultation anew, with only that event, when Altibbi sends another one later", async () => {
    const { at } = timeWindow();
    const id = await consultationWithEverything(at);
    await eraseConsultation(asAdmin, BigInt(id));
    await deliver(routeHandler, statusUpdate(id, "in_progress", "closed", at(9)));
    expect(await rowsAbout(id)).toMatchObject({ consultation: 1, statusChanges: 1, recommendations: 0, deliveries: 1 });
  });
});
