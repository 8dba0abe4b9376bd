// The data-loss hazard of @prisma/adapter-better-sqlite3 (one shared connection; plain queries
// slip into another request's open transaction and are rolled back with it), reproduced in
// the shape it was found: request A opens a transaction, writes, then fails; request B
// writes meanwhile. B's write must survive A's rollback, and nobody may read A's uncommitted row.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { readDb, writeTransaction } from "@/lib/db";
import { getConsultation } from "@/lib/data/consultation";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";
import { asCoordinator } from "../support/callers";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("write isolation between concurrent requests", () => {
  it("keeps B's committed write when A's transaction rolls back, and hides A's uncommitted row", async () => {
    const rolledBackId = uniqueId();
    const survivorId = uniqueId();
    let aHasWritten!: () => void;
    const aWrote = new Promise<void>((resolve) => (aHasWritten = resolve));

    const requestA = writeTransaction(async (tx) => {
      await tx.consultation.create({ data: { id: BigInt(rolledBackId), lastEventTime: "2024-01-01T00:00:00Z", lastEventMicros: 1n } });
      aHasWritten();
      await sleep(300);
      throw new Error("request A fails after writing");
    }).then(
      () => "committed",
      // Settled here at once: on a slow machine A may fail before the test awaits it.
      (error: Error) => error.message,
    );
    await aWrote;

    // While A's transaction is open: B delivers a webhook, and a reader looks for A's row.
    const requestB = POST(webhookRequest(statusUpdate(survivorId, null, "new", "2024-01-01T00:00:01Z")));
    const db = await readDb();
    expect(await db.consultation.findUnique({ where: { id: BigInt(rolledBackId) } })).toBeNull();

    expect(await requestA).toBe("request A fails after writing");
    const responseB = await requestB;
    expect(responseB.status).toBe(200);

    expect(await db.consultation.findUnique({ where: { id: BigInt(rolledBackId) } })).toBeNull();
    expect((await getConsultation(asCoordinator, survivorId))?.consultation.status).toBe("new");
    const { delivery_id: deliveryId } = await responseB.json();
    expect(await db.webhookDelivery.findUnique({ where: { id: deliveryId } })).toMatchObject({ outcome: "processed" });
  });

  it("commits concurrent deliveries for one consultation without losing or doubling a row", async () => {
    const id = uniqueId();
    const statuses = ["new", "checking_medical_profile", "in_progress", "closed"];
    const bodies = Array.from({ length: 40 }, (_, i) =>
      statusUpdate(id, statuses[(i % 4) - 1] ?? null, statuses[i % 4]!, `2024-02-01T10:${String(Math.floor(i / 4)).padStart(2, "0")}:0${i % 4}Z`),
    );
    const responses = await Promise.all([...bodies, ...bodies].map((body) => POST(webhookRequest(body))));
    expect(responses.map((r) => r.status)).toEqual(Array(80).fill(200));
    const outcomes = await Promise.all(responses.map((r) => r.json().then((j) => j.outcome)));
    expect(outcomes.filter((o) => o === "processed")).toHaveLength(40);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(40);
    const detail = await getConsultation(asCoordinator, id);
    expect(detail?.timeline).toHaveLength(40);
    expect(detail?.consultation.status).toBe("closed");
    expect(detail?.consultation.statusSince?.sent).toBe("2024-02-01T10:09:03Z");
  });
});
