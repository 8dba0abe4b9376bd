// Deliveries stored as the receiver would have stored them at another time (a processed one an
// hour ago, a body an older schema refused), through the ingestion writer itself
// (lib/webhooks/store.ts insertDelivery in lib/db's writeBatch). Import it dynamically where the
// test picks its database first.
import { createHash } from "node:crypto";
import { writeBatch } from "@/lib/db";
import { insertDelivery, type DeliveryRecord } from "@/lib/webhooks/store";

export async function storeDelivery(fields: Partial<DeliveryRecord> & Pick<DeliveryRecord, "outcome" | "httpStatus" | "receivedAt">, body?: unknown): Promise<number> {
  const rawBody = body === undefined ? null : JSON.stringify(body);
  const record: DeliveryRecord = {
    type: body && typeof body === "object" && "type" in body ? String((body as { type: unknown }).type) : null,
    // As the receiver reads it: a positive safe integer, or nothing.
    consultationId: Number.isSafeInteger((body as { consultation_id?: unknown } | undefined)?.consultation_id)
      ? BigInt((body as { consultation_id: number }).consultation_id)
      : null,
    dedupKey: null,
    webhookId: null,
    bodySha256: rawBody === null ? null : createHash("sha256").update(rawBody).digest("hex"),
    bodyBytes: rawBody === null ? 0 : Buffer.byteLength(rawBody),
    rawBody,
    headers: JSON.stringify({ "content-type": "application/json" }),
    errorCode: null,
    errorDetail: null,
    ...fields,
  };
  const id = await writeBatch((session) => insertDelivery(session, record));
  if (id === null) throw new Error("storeDelivery: the dedup key is taken");
  return id;
}
