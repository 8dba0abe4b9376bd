// Malformed and hostile inputs: each gets the expected status and error path, never a 5xx,
// and is recorded in the deliveries inbox as rejected. Each case is sent twice: to the route
// handler in-process, and over HTTP to the receiver in front of Next.js that answers webhooks
// under `next start` (lib/webhooks/front-receiver.ts); both must answer alike.
import { afterAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { getConsultation } from "@/lib/data/consultation";
import { readDb } from "@/lib/db";
import { readFixture, recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { rawWebhookRequest, webhookRequest } from "../support/webhooks";
import { asCoordinator } from "../support/callers";
import { hostile } from "../support/hostile";
import { frontReceiver } from "../support/front-receiver";

const front = frontReceiver();
afterAll(front.close);
const receivers: [name: string, receive: (request: Request) => Promise<Response>][] = [
  ["the route handler", POST],
  ["the receiver in front of Next.js", front.receive],
];

const when = "2024-01-02T03:04:05.123456Z";
const status = (extra: Record<string, unknown>) => ({ ...statusUpdate(uniqueId(), "new", "in_progress", when), ...extra });
const withData = (data: unknown) => ({ ...recommendation(uniqueId(), when), data });
const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

type Case = [name: string, body: unknown, status: number, code: string, path?: string];

const cases: Case[] = [
  ["not JSON", "{nope", 400, "invalid_json"],
  ["trailing garbage", '{"type":"status_update"} x', 400, "invalid_json"],
  ["a JSON array", "[1,2]", 400, "not_an_object"],
  ["a JSON string", '"status_update"', 400, "not_an_object"],
  ["null", "null", 400, "not_an_object"],
  ["empty body", "", 400, "invalid_json"],
  ["nesting 33 levels deep", `{"type":"status_update","x":${deep(32)}}`, 400, "too_deep"],
  ["nesting 100000 levels deep", `{"x":${deep(100_000)}}`, 400, "too_deep"],
  ["unknown type", status({ type: "payment_update" }), 400, "invalid_payload", "type"],
  ["missing type", { ...status({}), type: undefined }, 400, "invalid_payload", "type"],
  ["type as number", status({ type: 1 }), 400, "invalid_payload", "type"],
  ["missing consultation_id", status({ consultation_id: undefined }), 400, "invalid_payload", "consultation_id"],
  ["consultation_id as numeric string", status({ consultation_id: "72" }), 400, "invalid_payload", "consultation_id"],
  ["consultation_id zero", status({ consultation_id: 0 }), 400, "invalid_payload", "consultation_id"],
  ["consultation_id negative", status({ consultation_id: -5 }), 400, "invalid_payload", "consultation_id"],
  ["consultation_id fractional", status({ consultation_id: 1.5 }), 400, "invalid_payload", "consultation_id"],
  ["consultation_id 2^53", status({ consultation_id: 2 ** 53 }), 400, "invalid_payload", "consultation_id"],
  ["consultation_id null", status({ consultation_id: null }), 400, "invalid_payload", "consultation_id"],
  ["missing datetime", status({ datetime: undefined }), 400, "invalid_payload", "datetime"],
  ["datetime without zone", status({ datetime: "2023-06-15T09:38:50.848860" }), 400, "invalid_payload", "datetime"],
  ["datetime with 7 fraction digits", status({ datetime: "2023-06-15T09:38:50.8488601Z" }), 400, "invalid_payload", "datetime"],
  ["datetime as epoch number", status({ datetime: 1686822000 }), 400, "invalid_payload", "datetime"],
  ["datetime on 30 February", status({ datetime: "2023-02-30T09:38:50Z" }), 400, "invalid_payload", "datetime"],
  ["datetime hour 24", status({ datetime: "2023-06-15T24:00:00Z" }), 400, "invalid_payload", "datetime"],
  ["datetime date only", status({ datetime: "2023-06-15" }), 400, "invalid_payload", "datetime"],
  ["user_id with letters", status({ user_id: "12a" }), 400, "invalid_payload", "user_id"],
  ["user_id negative", status({ user_id: -1 }), 400, "invalid_payload", "user_id"],
  ["user_id null", status({ user_id: null }), 400, "invalid_payload", "user_id"],
  ["insurance_id as object", status({ insurance_id: { id: 1 } }), 400, "invalid_payload", "insurance_id"],
  ["policy_number as array", status({ policy_number: ["1"] }), 400, "invalid_payload", "policy_number"],
  ["missing new_status", status({ new_status: undefined }), 400, "invalid_payload", "new_status"],
  ["new_status upper case", status({ new_status: "CLOSED" }), 400, "invalid_payload", "new_status"],
  ["new_status with HTML", status({ new_status: "<script>alert(1)</script>" }), 400, "invalid_payload", "new_status"],
  ["new_status with SQL", status({ new_status: "closed'; DROP TABLE \"Consultation\";--" }), 400, "invalid_payload", "new_status"],
  ["new_status empty", status({ new_status: "" }), 400, "invalid_payload", "new_status"],
  ["new_status 65 chars", status({ new_status: "a".repeat(65) }), 400, "invalid_payload", "new_status"],
  ["new_status with zero-width space", status({ new_status: "closed\u200b" }), 400, "invalid_payload", "new_status"],
  ["old_status as number", status({ old_status: 3 }), 400, "invalid_payload", "old_status"],
  ["recommendation without data", { ...recommendation(uniqueId(), when), data: undefined }, 400, "invalid_payload", "data"],
  ["data as array", withData([]), 400, "invalid_payload", "data"],
  ["data as string", withData("{}"), 400, "invalid_payload", "data"],
  ["icd10 as array", withData({ icd10: [] }), 400, "invalid_payload", "data.icd10"],
  ["icd10.symptom as object", withData({ icd10: { symptom: { code: "A" } } }), 400, "invalid_payload", "data.icd10.symptom"],
  ["icd10 entry as string", withData({ icd10: { diagnosis: ["B66.3"] } }), 400, "invalid_payload", "data.icd10.diagnosis[0]"],
  ["drug as array", withData({ drug: [] }), 400, "invalid_payload", "data.drug"],
  ["fdaDrug as object", withData({ drug: { fdaDrug: {} } }), 400, "invalid_payload", "data.drug.fdaDrug"],
  ["drug duration as object", withData({ drug: { fdaDrug: [{ name: "X", duration: { days: 5 } }] } }), 400, "invalid_payload", "data.drug.fdaDrug[0].duration"],
  ["drug dosage as boolean", withData({ drug: { fdaDrug: [{ dosage: true }] } }), 400, "invalid_payload", "data.drug.fdaDrug[0].dosage"],
  ["lab.panel as string", withData({ lab: { panel: "CBC" } }), 400, "invalid_payload", "data.lab.panel"],
  ["doctorReferral as array", withData({ doctorReferral: [] }), 400, "invalid_payload", "data.doctorReferral"],
  ["followUp as object", withData({ followUp: { name: "x" } }), 400, "invalid_payload", "data.followUp"],
  ["postCallAnswer item as number", withData({ postCallAnswer: [1] }), 400, "invalid_payload", "data.postCallAnswer[0]"],
  ["dispense as string", withData({ dispense: "https://x" }), 400, "invalid_payload", "data.dispense"],
  ["dispense pass_code as array", withData({ dispense: { pass_code: [1] } }), 400, "invalid_payload", "data.dispense.pass_code"],
];

async function deliveryOf(id: number) {
  const db = await readDb();
  return db.webhookDelivery.findUnique({ where: { id } });
}

describe.each(receivers)("%s", (_receiver, receive) => {
  describe("POST /api/webhooks refuses malformed and hostile bodies", () => {
    it.each(cases)("%s → %i %s", async (_name, body, expectedStatus, code, path) => {
      const db = await readDb();
      const before = await db.webhookDelivery.aggregate({ _max: { id: true } });
      const request = webhookRequest(body);
      // Its own record, by its webhook-id: other test files write deliveries at the same time.
      const webhookId = request.headers.get("webhook-id")!;
      const response = await receive(request);
      expect(response.status).toBe(expectedStatus);
      const json = await response.json();
      expect(json.error.code).toBe(code);
      expect(typeof json.error.message).toBe("string");
      if (path) expect(json.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      // Recorded in the inbox as rejected, with the reason.
      const recorded = await db.webhookDelivery.findFirst({ where: { id: { gt: before._max.id ?? 0 }, webhookId }, orderBy: { id: "desc" } });
      expect(recorded).toMatchObject({ outcome: "rejected", httpStatus: expectedStatus, errorCode: code, dedupKey: null });
    });

    it("answers 415 for a body that is not declared as JSON", async () => {
      const response = await receive(webhookRequest(JSON.stringify(readFixture("status_update")), { headers: { "content-type": "text/plain" } }));
      expect(response.status).toBe(415);
      expect((await response.json()).error.code).toBe("unsupported_media_type");
    });

    it("accepts application/json with a charset and +json types", async () => {
      for (const type of ["application/json; charset=utf-8", "application/vnd.altibbi+json"]) {
        const response = await receive(webhookRequest(status({}), { headers: { "content-type": type } }));
        expect(response.status).toBe(200);
      }
    });

    it("answers 413 for a body over 1 MiB, before reading it, declared or not", async () => {
      const big = JSON.stringify({ ...status({}), padding: "x".repeat(1024 * 1024) });
      const declared = await receive(webhookRequest(big));
      expect(declared.status).toBe(413);
      expect((await declared.json()).error.code).toBe("payload_too_large");

      // A chunked body with no Content-Length is cut off at the limit too.
      const chunked = await receive(rawWebhookRequest(new TextEncoder().encode(big), { chunked: true }));
      expect(chunked.status).toBe(413);
    });

    it("answers 400 for a body that is not UTF-8", async () => {
      const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
      const response = await receive(rawWebhookRequest(bytes));
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_encoding");
    });
  });

  describe("POST /api/webhooks stores hostile but valid text verbatim", () => {
    it("keeps every string exactly as sent, with javascript: URLs stored but not trusted", async () => {
      const id = uniqueId();
      const body = recommendation(id, when, {
        icd10: { diagnosis: [{ code: hostile.sql, name: hostile.html }] },
        drug: { fdaDrug: [{ name: hostile.zeroWidth, tradeName: hostile.formula, dosage: 2, duration: "7", howToUse: hostile.arabic }] },
        postCallAnswer: [{ question: "doctor_notes", answer: hostile.bidi }],
        dispense: { url: "javascript:alert(document.cookie)", pass_code: "0042", qr_code: "javascript:alert(1)" },
        somethingNew: { nested: [1, 2, 3] },
      }, { insurance_id: hostile.html, policy_number: 1981, user_id: "0077" });
      const response = await receive(webhookRequest(body));
      expect(response.status).toBe(200);
      const { delivery_id: deliveryId } = (await response.json()) as { delivery_id: number };

      const detail = await getConsultation(asCoordinator, id);
      expect(detail?.consultation).toMatchObject({ insuranceId: hostile.html, policyNumber: "1981", userId: "0077" });
      const rec = detail!.recommendations[0]!;
      expect(rec.icd10[0]).toEqual({ kind: "diagnosis", code: hostile.sql, name: hostile.html });
      expect(rec.drugs[0]).toMatchObject({ name: hostile.zeroWidth, tradeName: hostile.formula, dosage: "2", duration: "7", howToUse: hostile.arabic });
      expect(rec.answers[0]).toEqual({ question: "doctor_notes", answer: hostile.bidi });
      expect(rec.dispense).toEqual({ url: "javascript:alert(document.cookie)", passCode: "0042", qrUrl: "javascript:alert(1)" });

      // Unknown keys are kept in the stored raw body: once, in the delivery the version points at.
      const db = await readDb();
      const stored = await db.recommendation.findFirstOrThrow({ where: { consultationId: BigInt(id) } });
      expect(stored.deliveryId).toBe(deliveryId);
      const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
      expect(JSON.parse(delivery.rawBody!).data.somethingNew).toEqual({ nested: [1, 2, 3] });
    });

    it("accepts empty data, nulls for every part, and statuses beyond the documented four", async () => {
      const id = uniqueId();
      const empty = await receive(webhookRequest(recommendation(id, when, {})));
      expect(empty.status).toBe(200);
      const nulls = await receive(
        webhookRequest(
          recommendation(id, "2024-01-02T03:04:06Z", {
            icd10: null, drug: null, lab: null, doctorReferral: null, followUp: null, postCallAnswer: null, dispense: null,
          }, { insurance_id: null, policy_number: null }),
        ),
      );
      expect(nulls.status).toBe(200);
      const scheduled = await receive(webhookRequest(statusUpdate(id, null, "scheduled", "2024-01-02T03:04:07+03:00")));
      expect(scheduled.status).toBe(200);
      const unknown = await receive(webhookRequest(statusUpdate(id, "scheduled", "waiting_for_pharmacy", "2024-01-02T03:04:08Z")));
      expect(unknown.status).toBe(200);

      const detail = await getConsultation(asCoordinator, id);
      expect(detail?.recommendations).toHaveLength(2);
      expect(detail?.recommendations[0]).toMatchObject({ drugs: [], icd10: [], dispense: null, referral: null });
      expect(detail?.consultation).toMatchObject({ status: "waiting_for_pharmacy", statusDocumented: false });
      expect(detail?.timeline.map((t) => [t.newStatus, t.documented])).toEqual([
        ["scheduled", false],
        ["waiting_for_pharmacy", false],
      ]);
    });
  });

  describe("deliveries inbox", () => {
    it("records a processed delivery with its headers and body, and no credentials", async () => {
      const body = status({});
      const response = await receive(
        webhookRequest(body, { headers: { authorization: "Bearer s3cret-token", "user-agent": "Altibbi-Webhooks/1.0", cookie: "session=abc" } }),
      );
      const { delivery_id: id } = await response.json();
      const delivery = await deliveryOf(id);
      expect(delivery).toMatchObject({ outcome: "processed", httpStatus: 200, type: "status_update", consultationId: BigInt(body.consultation_id as number) });
      expect(JSON.parse(delivery!.rawBody!)).toEqual(body);
      const headers = JSON.parse(delivery!.headers);
      expect(headers["user-agent"]).toBe("Altibbi-Webhooks/1.0");
      expect(headers.authorization).toBe("Bearer");
      expect(JSON.stringify(headers)).not.toMatch(/s3cret|session=abc/);
    });
  });
});
