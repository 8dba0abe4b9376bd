// Payload drift: a key, status or type the contract does not know is recorded once, with the
// delivery that carried it first; later deliveries only count. Names are unique to this test
// (the database is shared with other files).
import { describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { flushShapeCounts } from "@/lib/drift/record";
import { listPayloadDrift } from "@/lib/data/payload-shapes";
import { PermissionDeniedError } from "@/lib/auth/permissions";
import { asAdmin, asCoordinator } from "../support/callers";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { deliver, sendWebhook } from "../support/webhooks";
import { timeWindow } from "../support/time-window";

const shapesNamed = async (values: string[]) =>
  (await readDb()).payloadShape.findMany({ where: { value: { in: values } }, orderBy: { value: "asc" } });

describe("payload drift", () => {
  it("records a new key and a new status once, with the first delivery, and counts the others", async () => {
    const { at } = timeWindow();
    const n = uniqueId();
    const key = `escalation_${n}`;
    const status = `on_hold_${n}`;
    const drugKey = `data.drug.fdaDrug[].atcCode_${n}`;
    const body = (id: number, minute: number) => statusUpdate(id, "new", status, at(minute), { [key]: { level: 2 } });
    const first = await deliver(routeHandler, body(uniqueId(), 1));
    const second = await deliver(routeHandler, body(uniqueId(), 2));
    const drug = { ...(recommendationData().drug.fdaDrug[0] as object), [`atcCode_${n}`]: "N02BE01" };
    const withDrug = await deliver(routeHandler, recommendation(uniqueId(), at(3), recommendationData({ drug: { fdaDrug: [drug, drug] } })));
    await flushShapeCounts();

    const rows = await shapesNamed([key, `${key}.level`, status, drugKey]);
    expect(rows.map((row) => [row.kind, row.value, row.count, row.firstDeliveryId])).toEqual([
      ["key", drugKey, 1, withDrug.delivery_id],
      ["key", key, 2, first.delivery_id],
      ["key", `${key}.level`, 2, first.delivery_id],
      ["status", status, 2, first.delivery_id],
    ]);
    const statusRow = rows.find((row) => row.kind === "status")!;
    expect(statusRow.lastSeenAt.getTime()).toBeGreaterThanOrEqual(statusRow.firstSeenAt.getTime());
    expect(second.delivery_id).toBeGreaterThan(first.delivery_id);

    // A redelivery is a duplicate: it changes no count.
    await deliver(routeHandler, body(uniqueId(), 1), { webhookId: `drift-${n}` });
    await deliver(routeHandler, body(uniqueId(), 1), { webhookId: `drift-${n}` });
    await flushShapeCounts();
    expect((await shapesNamed([status]))[0]!.count).toBe(3);

    const listed = await listPayloadDrift(asAdmin);
    const values = listed.undocumented.map((shape) => shape.value);
    expect(values).toEqual(expect.arrayContaining([key, status, drugKey]));
    // What the contract knows is recorded but not listed.
    expect(values).not.toContain("consultation_id");
    expect(values).not.toContain("data.drug.fdaDrug[].tradeName");
    expect((await readDb()).payloadShape.count({ where: { kind: "key", value: "consultation_id" } })).resolves.toBe(1);
    await expect(listPayloadDrift(asCoordinator)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("records the type of an authenticated body that was refused, and nothing from a stranger", async () => {
    const n = uniqueId();
    const refused = await sendWebhook(routeHandler, { type: `prescription_cancelled_${n}`, consultation_id: uniqueId(), datetime: "2024-01-01T00:00:00Z" });
    expect(refused.status).toBe(400);
    const stranger = await sendWebhook(routeHandler, statusUpdate(uniqueId(), null, `stranger_${n}`, "2024-01-01T00:00:00Z"), { unsigned: true });
    expect(stranger.status).toBe(401);
    const rows = await shapesNamed([`prescription_cancelled_${n}`, `stranger_${n}`]);
    expect(rows.map((row) => [row.kind, row.value])).toEqual([["type", `prescription_cancelled_${n}`]]);
    const delivery = await (await readDb()).webhookDelivery.findUniqueOrThrow({ where: { id: rows[0]!.firstDeliveryId } });
    expect(delivery.outcome).toBe("rejected");
  });
});
