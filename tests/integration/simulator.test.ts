import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { getConsultation } from "@/lib/data/consultation";
import { readDb } from "@/lib/db";
import { planDeliveries } from "@/scripts/simulator/deliveries";
import { eventsInTimeOrder, generateConsultations } from "@/scripts/simulator/generate";
import { deliveryHeaders, senderAuth } from "@/scripts/simulator/sign";
import { uniqueId } from "../support/payloads";
import { asCoordinator } from "../support/callers";
import { integrationSigningSecret } from "../support/signing-secret";

describe("a simulated Altibbi stream through the real route handler", () => {
  it("ends in each consultation's last lifecycle step, stores every event once and counts every delivery", async () => {
    const count = 40;
    const firstId = uniqueId();
    for (let i = 1; i < count; i++) uniqueId(); // reserve the block of ids
    const consultations = [...generateConsultations({ seed: 2024, consultations: count, firstId, until: new Date("2026-02-01T08:00:00Z") })];
    const deliveries = planDeliveries(eventsInTimeOrder(consultations), { seed: 2024, duplicates: 0.25, shuffle: true });
    const redeliveries = deliveries.filter((delivery) => delivery.redelivery).length;
    expect(redeliveries).toBeGreaterThan(10);

    // Signed with the secret the integration projects run with, as the simulator signs; the
    // webhook-id it carries makes a redelivery a duplicate.
    const auth = senderAuth({ WEBHOOK_SIGNING_SECRETS: integrationSigningSecret });
    const outcomes: string[] = [];
    for (let i = 0; i < deliveries.length; i += 8) {
      const batch = deliveries.slice(i, i + 8);
      const responses = await Promise.all(
        batch.map((delivery) =>
          POST(new Request("http://localhost/api/webhooks", { method: "POST", headers: deliveryHeaders(auth, delivery.webhookId, delivery.body), body: delivery.body })),
        ),
      );
      for (const response of responses) {
        expect(response.status).toBe(200);
        outcomes.push(((await response.json()) as { outcome: string }).outcome);
      }
    }
    expect(outcomes.filter((outcome) => outcome === "processed")).toHaveLength(deliveries.length - redeliveries);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(redeliveries);

    for (const consultation of consultations) {
      const detail = await getConsultation(asCoordinator, consultation.id);
      const statusEvents = consultation.events.filter((event) => event.body.type === "status_update");
      const recommendationEvents = consultation.events.filter((event) => event.body.type === "recommendation_data");
      expect(detail?.consultation.status).toBe(consultation.finalStatus);
      expect(detail?.timeline).toHaveLength(statusEvents.length);
      expect(detail?.recommendations).toHaveLength(consultation.recommendations);
      if (recommendationEvents.length > 0) {
        const current = detail!.recommendations.find((recommendation) => recommendation.current);
        expect(current?.eventTime.sent).toBe(recommendationEvents.at(-1)!.body.datetime);
      }
    }

    const db = await readDb();
    const stored = await db.webhookDelivery.groupBy({
      by: ["outcome"],
      where: { consultationId: { gte: BigInt(firstId), lt: BigInt(firstId + count) } },
      _count: { _all: true },
    });
    const byOutcome = Object.fromEntries(stored.map((row) => [row.outcome, row._count._all]));
    expect(byOutcome).toEqual({ processed: deliveries.length - redeliveries, duplicate: redeliveries });
  });
});
