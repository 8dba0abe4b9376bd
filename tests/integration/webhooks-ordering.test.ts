// Idempotency and ordering, property-style: one set of events, delivered in many random orders
// with random redeliveries (some concurrent), must always end in the same state and timeline.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { getConsultation } from "@/lib/data/consultation";
import { readDb } from "@/lib/db";
import { observable } from "../support/observable";
import { recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";
import { asCoordinator } from "../support/callers";

/** mulberry32: a tiny seeded PRNG, so a failing order can be replayed from its seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const drug = (name: string) => ({ name, tradeName: `${name} 500 MG`, dosage: "1", duration: 5 });

/** The events of two consultations, including ties on event time and a revised recommendation. */
function eventsFor(a: number, b: number) {
  return [
    statusUpdate(a, null, "new", "2024-03-01T10:00:00.000001Z", { insurance_id: "INS-1", policy_number: "P-1" }),
    statusUpdate(a, "new", "checking_medical_profile", "2024-03-01T10:00:05.5Z"),
    // Same instant, another offset: in_progress is the later step, so it wins the tie.
    statusUpdate(a, "checking_medical_profile", "in_progress", "2024-03-01T13:00:05.5+03:00"),
    statusUpdate(a, "in_progress", "closed", "2024-03-01T10:20:00.123456Z", { insurance_id: "INS-2" }),
    recommendation(a, "2024-03-01T10:15:00Z", { icd10: { diagnosis: [{ code: "J02.9", name: "Acute pharyngitis" }] }, drug: { fdaDrug: [drug("AMOXICILLIN")] } }),
    // The revision: a later event time, so it is current whatever order they arrive in.
    recommendation(a, "2024-03-01T10:18:00Z", { icd10: { diagnosis: [{ code: "J03.9", name: "Acute tonsillitis" }] }, drug: { fdaDrug: [drug("AMOXICILLIN"), drug("PARACETAMOL")] } }),
    // A recommendation before any status update for b: it creates the consultation.
    recommendation(b, "2024-03-02T08:00:00Z", { icd10: { diagnosis: [{ code: "I10", name: "Essential hypertension" }] } }, { policy_number: "P-9" }),
    statusUpdate(b, null, "new", "2024-03-02T07:00:00Z", { policy_number: "P-8" }),
    statusUpdate(b, "new", "in_progress", "2024-03-02T07:30:00Z"),
  ];
}


async function deliverInOrder(order: { body: unknown; webhookId: string }[], rand: () => number) {
  // Deliver in small concurrent groups, as several sender workers would.
  for (let i = 0; i < order.length; ) {
    const size = 1 + Math.floor(rand() * 4);
    const group = order.slice(i, i + size);
    i += size;
    const responses = await Promise.all(group.map(({ body, webhookId }) => POST(webhookRequest(body, { webhookId }))));
    for (const response of responses) expect(response.status).toBe(200);
  }
}

describe("ordering and idempotency", () => {
  it("ends in the same state and timeline for every delivery order, with redeliveries", async () => {
    const snapshots: unknown[] = [];
    for (let run = 0; run < 12; run++) {
      const seed = 1000 + run;
      const rand = random(seed);
      const [a, b] = [uniqueId(), uniqueId()];
      const events = eventsFor(a, b).map((body, index) => ({ body, webhookId: `msg-${a}-${index}` }));
      // Redeliveries: same webhook-id (a retry), or a new id with the same body (a resend).
      const redeliveries = events.filter(() => rand() < 0.4).map((event) => (rand() < 0.5 ? event : { ...event, webhookId: `${event.webhookId}-resend` }));
      const order = [...events, ...redeliveries].sort(() => rand() - 0.5);
      await deliverInOrder(order, rand);

      const state = { a: await observable(a), b: await observable(b) };
      snapshots.push(state);
      expect(state, `seed ${seed}`).toEqual(snapshots[0]);

      const db = await readDb();
      const deliveries = await db.webhookDelivery.groupBy({ by: ["outcome"], where: { consultationId: { in: [BigInt(a), BigInt(b)] } }, _count: true });
      const counts = Object.fromEntries(deliveries.map((row) => [row.outcome, row._count]));
      const retries = redeliveries.filter((r) => !r.webhookId.endsWith("-resend")).length;
      expect(counts.processed ?? 0, `seed ${seed}`).toBe(events.length + redeliveries.length - retries);
      expect(counts.duplicate ?? 0, `seed ${seed}`).toBe(retries);
    }

    const [first] = snapshots as Awaited<ReturnType<typeof observable>>[];
    const expected = first as unknown as { a: NonNullable<Awaited<ReturnType<typeof observable>>>; b: NonNullable<Awaited<ReturnType<typeof observable>>> };
    expect(expected.a.consultation).toMatchObject({
      status: "closed",
      statusSince: { sent: "2024-03-01T10:20:00.123456Z" },
      insuranceId: "INS-2",
      policyNumber: "1981", // from the latest event (the closing one carries the fixture's policy number)
      diagnosis: { code: "J03.9", name: "Acute tonsillitis" },
      drugCount: 2,
    });
    expect(expected.a.timeline).toEqual([
      [null, "new", "2024-03-01T10:00:00.000001Z"],
      ["new", "checking_medical_profile", "2024-03-01T10:00:05.5Z"],
      ["checking_medical_profile", "in_progress", "2024-03-01T13:00:05.5+03:00"],
      ["in_progress", "closed", "2024-03-01T10:20:00.123456Z"],
    ]);
    expect(expected.a.recommendations.map((r) => [r.version, r.current, r.eventTime.sent])).toEqual([
      [2, true, "2024-03-01T10:18:00Z"],
      [1, false, "2024-03-01T10:15:00Z"],
    ]);
    expect(expected.b.consultation).toMatchObject({ status: "in_progress", policyNumber: "P-9", diagnosis: { code: "I10", name: "Essential hypertension" } });
  });

  it("never moves a status backwards when an old event arrives late, yet lists it in the timeline", async () => {
    const id = uniqueId();
    await POST(webhookRequest(statusUpdate(id, "in_progress", "closed", "2024-05-01T12:00:00Z")));
    const late = await POST(webhookRequest(statusUpdate(id, "new", "in_progress", "2024-05-01T11:00:00Z")));
    expect(late.status).toBe(200);
    const detail = await getConsultation(asCoordinator, id);
    expect(detail?.consultation.status).toBe("closed");
    expect(detail?.timeline.map((t) => [t.newStatus, t.outOfOrder])).toEqual([
      ["in_progress", true],
      ["closed", false],
    ]);
  });

  it("keeps one timeline row for the same status event sent with different bodies", async () => {
    const id = uniqueId();
    const first = await POST(webhookRequest(statusUpdate(id, "new", "in_progress", "2024-05-01T11:00:00Z")));
    const again = await POST(webhookRequest(statusUpdate(id, "new", "in_progress", "2024-05-01T14:00:00+03:00", { user_id: 5 })));
    expect([first.status, again.status]).toEqual([200, 200]);
    expect((await getConsultation(asCoordinator, id))?.timeline).toHaveLength(1);
  });

  it("answers a redelivery (same webhook-id) with 200 duplicate and stores nothing new", async () => {
    const id = uniqueId();
    const body = recommendation(id, "2024-05-01T11:00:00Z");
    const first = await POST(webhookRequest(body, { webhookId: `dup-${id}` }));
    const second = await POST(webhookRequest({ ...body, datetime: "2024-05-01T12:00:00Z" }, { webhookId: `dup-${id}` }));
    expect(await first.json()).toMatchObject({ outcome: "processed" });
    expect(await second.json()).toMatchObject({ outcome: "duplicate" });
    const detail = await getConsultation(asCoordinator, id);
    expect(detail?.recommendations).toHaveLength(1);
    expect(detail?.recommendations[0]?.eventTime.sent).toBe("2024-05-01T11:00:00Z");
  });
});
