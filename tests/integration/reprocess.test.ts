// Reprocessing stored deliveries through today's validation and projection. The refused
// deliveries are stored as an older schema would have left them (outcome rejected, 400, body
// kept) on a day of this test's own, and selected by that day.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { PermissionDeniedError } from "@/lib/auth/permissions";
import { reprocessDeliveries } from "@/lib/reprocess/reprocess";
import type { ReprocessFilter, ReprocessSummary } from "@/lib/reprocess/filter";
import { asAdmin, asCoordinator } from "../support/callers";
import { recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { storeDelivery } from "../support/stored-deliveries";
import { routeHandler } from "../support/route-handler";
import { deliver } from "../support/webhooks";
import { timeWindow } from "../support/time-window";

const root = path.resolve(import.meta.dirname, "../..");

/** A delivery refused when it came (400 invalid_payload) whose body today's schema accepts. */
async function refusedThen(body: Record<string, unknown>, receivedAt: Date, webhookId = `msg_${uniqueId()}`) {
  return storeDelivery(
    { outcome: "rejected", httpStatus: 400, receivedAt, webhookId, errorCode: "invalid_payload", errorDetail: "The webhook body does not match the Altibbi webhook format. new_status: unknown status" },
    body,
  );
}

async function snapshot(ids: number[]) {
  const db = await readDb();
  const where = { consultationId: { in: ids.map(BigInt) } };
  const consultations = await db.consultation.findMany({ where: { id: { in: ids.map(BigInt) } }, orderBy: { id: "asc" }, select: { id: true, status: true, statusTime: true, recommendationId: true, firstSeenAt: true } });
  return {
    consultations,
    statusChanges: await db.statusChange.findMany({ where, orderBy: { eventKey: "asc" }, select: { eventKey: true, receivedAt: true } }),
    recommendations: await db.recommendation.findMany({ where, orderBy: { contentSha: "asc" }, select: { contentSha: true, receivedAt: true } }),
    deliveries: await db.webhookDelivery.findMany({ where, orderBy: { id: "asc" }, select: { id: true, outcome: true, receivedAt: true, dedupKey: true, httpStatus: true } }),
  };
}

/** What a run did, whether it was a dry run or not. */
const effect = (summary: ReprocessSummary) => ({ ...summary, dryRun: null });

describe("reprocessing stored deliveries", () => {
  it("dry run shows exactly what applying does; a refused body valid today becomes a consultation; twice changes nothing", async () => {
    const { date, at } = timeWindow();
    const day = new Date(`${date}T12:00:00Z`);
    const [fresh, known, rec] = [uniqueId(), uniqueId(), uniqueId()];
    // Known already: in new; its refused closing event moves it to closed.
    await deliver(routeHandler, statusUpdate(known, null, "new", at(1)));
    const ids = [
      await refusedThen(statusUpdate(fresh, null, "new", at(2)), day),
      await refusedThen(statusUpdate(fresh, "new", "in_progress", at(3)), new Date(day.getTime() + 1000)),
      await refusedThen(statusUpdate(known, "new", "closed", at(4)), new Date(day.getTime() + 2000)),
      await refusedThen(recommendation(rec, at(5)), new Date(day.getTime() + 3000)),
      // Still invalid today: consultation_id is text.
      await refusedThen({ ...statusUpdate(uniqueId(), null, "new", at(6)), consultation_id: "seventy-two" }, new Date(day.getTime() + 4000)),
    ];
    const filter: ReprocessFilter = { outcome: "rejected", since: date, until: date };
    const consultations = [fresh, known, rec];
    const before = await snapshot(consultations);

    const dry = await reprocessDeliveries(asAdmin, filter, { dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      selected: 5,
      accepted: 4,
      nowAccepted: ids.slice(0, 4),
      newConsultations: [String(fresh), String(rec)],
      newStatusEvents: 3,
      newRecommendationVersions: 1,
      stillRejected: [{ deliveryId: ids[4], reason: expect.stringContaining("consultation_id") }],
      nextAfterId: null,
    });
    expect(dry.statusChanges).toEqual(
      expect.arrayContaining([
        { consultationId: String(fresh), from: null, to: "in_progress" },
        { consultationId: String(known), from: "new", to: "closed" },
      ]),
    );
    expect(await snapshot(consultations), "a dry run changes nothing").toEqual(before);

    const applied = await reprocessDeliveries(asAdmin, filter, { dryRun: false });
    expect(effect(applied)).toEqual(effect(dry));
    const after = await snapshot(consultations);
    expect(after.consultations.map((row) => [Number(row.id), row.status])).toEqual(
      consultations.map((id) => [id, id === rec ? null : id === fresh ? "in_progress" : "closed"]).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    // Each keeps its id and receipt time; no second delivery; what it created carries that time.
    expect(after.deliveries.filter((row) => ids.includes(row.id)).map((row) => [row.id, row.outcome, row.receivedAt.getTime(), row.httpStatus])).toEqual(
      ids.slice(0, 4).map((id, i) => [id, "processed", day.getTime() + i * 1000, 400]),
    );
    expect(after.deliveries.filter((row) => ids.includes(row.id)).every((row) => row.dedupKey?.startsWith("webhook-id:"))).toBe(true);
    expect(after.deliveries.length).toBe(before.deliveries.length);
    expect(after.consultations.find((row) => Number(row.id) === fresh)!.firstSeenAt).toEqual(day);
    expect(after.recommendations.map((row) => row.receivedAt)).toEqual([new Date(day.getTime() + 3000)]);
    const db = await readDb();
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: ids[4]! } })).outcome).toBe("rejected");
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: ids[0]! } })).errorDetail).toContain("accepted when reprocessed");

    // Again, whatever the outcome (the first delivery of `known` came today, outside the day): the
    // once-refused ones are processed now, the invalid one still refused; nothing changes.
    const again: ReprocessFilter = { since: date, until: date };
    const second = await reprocessDeliveries(asAdmin, again, { dryRun: false });
    expect(second).toMatchObject({ selected: 5, accepted: 4, nowAccepted: [], newConsultations: [], statusChanges: [], newStatusEvents: 0, newRecommendationVersions: 0, unchanged: 4 });
    expect(second.stillRejected.map((entry) => entry.deliveryId)).toEqual([ids[4]]);
    expect(effect(await reprocessDeliveries(asAdmin, again, { dryRun: true }))).toEqual(effect(second));
    expect(await snapshot(consultations)).toEqual(after);
  });

  it("selects one delivery, or by type and consultation; a coordinator may not", async () => {
    const { date, at } = timeWindow();
    const id = uniqueId();
    const delivery = await refusedThen(recommendation(id, at(1)), new Date(`${date}T08:00:00Z`));
    expect((await reprocessDeliveries(asAdmin, { deliveryId: delivery }, { dryRun: true })).selected).toBe(1);
    expect((await reprocessDeliveries(asAdmin, { type: "status_update", consultationId: id }, { dryRun: true })).selected).toBe(0);
    expect((await reprocessDeliveries(asAdmin, { type: "recommendation_data", consultationId: id }, { dryRun: true })).newRecommendationVersions).toBe(1);
    await expect(reprocessDeliveries(asCoordinator, { deliveryId: delivery }, { dryRun: true })).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("runs as a command: npm run deliveries:reprocess -- --outcome rejected --since … --dry-run", async () => {
    const { date, at } = timeWindow();
    const id = uniqueId();
    await refusedThen(statusUpdate(id, null, "new", at(1)), new Date(`${date}T09:00:00Z`));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/deliveries-reprocess.ts", "--outcome", "rejected", "--since", date, "--until", date, "--dry-run", "--json"],
      { cwd: root, env: { ...process.env } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ dryRun: true, selected: 1, newConsultations: [String(id)], nowAccepted: [expect.any(Number)] });
    expect(await (await readDb()).consultation.count({ where: { id: BigInt(id) } })).toBe(0);
  });
});
