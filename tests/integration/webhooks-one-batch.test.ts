// Deliveries that arrive together share a group-commit batch (lib/webhooks/ingest.ts: on
// PostgreSQL one statement for the whole batch, on SQLite waves of statements over it). A batch
// holding several events of one consultation, a delivery sent twice and a new payload key carried
// twice must end as the same deliveries sent one at a time.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { readDb } from "@/lib/db";
import { flushShapeCounts } from "@/lib/drift/record";
import { observable } from "../support/observable";
import { recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

const drug = (name: string) => ({ name, tradeName: `${name} 500 MG`, dosage: "1", duration: 5 });

/** One consultation's events, the newest recommendation and status not last; `key` is a key no contract knows. */
const eventsFor = (id: number, key: string) => [
  statusUpdate(id, null, "new", "2024-05-01T10:00:00Z", { insurance_id: "INS-1", [key]: 1 }),
  recommendation(id, "2024-05-01T10:12:00Z", { icd10: { diagnosis: [{ code: "J03.9", name: "Acute tonsillitis" }] }, drug: { fdaDrug: [drug("AMOXICILLIN"), drug("PARACETAMOL")] } }),
  statusUpdate(id, "in_progress", "closed", "2024-05-01T10:20:00Z", { [key]: 2 }),
  recommendation(id, "2024-05-01T10:10:00Z", { icd10: { diagnosis: [{ code: "J02.9", name: "Acute pharyngitis" }] }, drug: { fdaDrug: [drug("AMOXICILLIN")] } }),
  statusUpdate(id, "new", "in_progress", "2024-05-01T10:05:00Z", { insurance_id: "INS-2" }),
];


const answer = async (response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()) as { outcome: string; delivery_id: number };
};

describe("deliveries committed in one batch", () => {
  it("end as one by one: every event applied once, a repeated delivery a duplicate, a new key counted twice", async () => {
    const [together, oneByOne] = [uniqueId(), uniqueId()];
    const key = `batch_note_${together}`;

    for (const [index, body] of eventsFor(oneByOne, `batch_note_${oneByOne}`).entries()) {
      await answer(await POST(webhookRequest(body, { webhookId: `single-${oneByOne}-${index}` })));
    }

    // All at once, with the second recommendation sent twice under its webhook-id.
    const bodies = eventsFor(together, key).map((body, index) => ({ body, webhookId: `batch-${together}-${index}` }));
    const sent = [...bodies, bodies[1]!];
    const answers = await Promise.all(sent.map(({ body, webhookId }) => POST(webhookRequest(body, { webhookId })).then(answer)));

    expect(await observable(together)).toEqual(await observable(oneByOne));
    const repeated = [answers[1]!, answers[5]!];
    expect(repeated.map((a) => a.outcome).sort()).toEqual(["duplicate", "processed"]);
    const ids = answers.map((a) => a.delivery_id);
    expect(new Set(ids).size).toBe(sent.length);

    const db = await readDb();
    const rows = await db.webhookDelivery.findMany({ where: { id: { in: ids } }, select: { id: true, outcome: true, dedupKey: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    answers.forEach((a, i) => {
      expect(byId.get(a.delivery_id)?.outcome).toBe(a.outcome);
      expect(byId.get(a.delivery_id)?.dedupKey).toBe(a.outcome === "processed" ? `webhook-id:${sent[i]!.webhookId}` : null);
    });

    await flushShapeCounts();
    const shape = await db.payloadShape.findUnique({ where: { kind_value: { kind: "key", value: key } } });
    expect(shape?.count).toBe(2);
    expect([answers[0]!.delivery_id, answers[2]!.delivery_id]).toContain(shape?.firstDeliveryId);
  });
});
