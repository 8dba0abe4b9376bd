// The NUL rule (lib/webhooks/storable-text.ts), the same on both databases: a body with `\u0000`
// or a lone surrogate escape is accepted, its raw body kept byte for byte, and the text Care Desk
// projects out of it has each NUL and lone surrogate replaced by U+FFFD. Never a 5xx.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { getConsultation } from "@/lib/data/consultation";
import { readDb } from "@/lib/db";
import { recommendation, recommendationData, sampleDatetime, statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";
import { asCoordinator } from "../support/callers";

const nul = String.raw`\u0000`;
const high = String.raw`\ud83d`;
const low = String.raw`\ude00`;

async function storedRawBody(deliveryId: number) {
  const db = await readDb();
  return (await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).rawBody;
}

describe("NUL and lone surrogates in a webhook body", () => {
  it("accepts them, keeps the body byte for byte and stores U+FFFD in their place", async () => {
    const id = uniqueId();
    const sample = recommendationData();
    const base = recommendation(id, sampleDatetime("recommendation_data"), {
      ...sample,
      drug: { fdaDrug: [{ ...sample.drug.fdaDrug[0], name: "NAME_MARK", specialInstructions: "INSTR_MARK" }] },
      postCallAnswer: [{ question: "doctor_notes", answer: "NOTE_MARK" }],
      doctorReferral: { name: "REFERRAL_MARK" },
      unknownKey: "UNKNOWN_MARK",
    }, { insurance_id: "INSURANCE_MARK" });
    // Written as JSON text, so the escapes reach the receiver exactly as a sender would write them.
    const text = JSON.stringify(base)
      .replace("NAME_MARK", `PARA${nul}CETAMOL`)
      .replace("INSTR_MARK", `half ${high} pill ${low}`)
      .replace("NOTE_MARK", `${nul}${nul}note${high}`)
      .replace("REFERRAL_MARK", `Dr ${low}${high}`)
      .replace("INSURANCE_MARK", `ins${nul}`)
      .replace('"unknownKey":"UNKNOWN_MARK"', `"key${nul}":"${high}"`);
    const response = await POST(webhookRequest(text));
    expect(response.status).toBe(200);
    const { delivery_id } = await response.json();

    expect(await storedRawBody(delivery_id)).toBe(text);
    const detail = await getConsultation(asCoordinator, id);
    expect(detail?.consultation.insuranceId).toBe("ins\uFFFD");
    const stored = detail!.recommendations[0]!;
    expect(stored.drugs[0]).toMatchObject({ name: "PARA\uFFFDCETAMOL", specialInstructions: "half \uFFFD pill \uFFFD" });
    expect(stored.answers).toEqual([{ question: "doctor_notes", answer: "\uFFFD\uFFFDnote\uFFFD" }]);
    expect(stored.referral).toEqual({ name: "Dr \uFFFD\uFFFD" });
  });

  it("keeps a surrogate pair written as escapes (an emoji) as the emoji", async () => {
    const id = uniqueId();
    const text = JSON.stringify(recommendation(id, sampleDatetime("recommendation_data"), { postCallAnswer: [{ question: "doctor_notes", answer: "MARK" }] })).replace(
      "MARK",
      `${high}${low}`,
    );
    expect((await POST(webhookRequest(text))).status).toBe(200);
    expect((await getConsultation(asCoordinator, id))!.recommendations[0]!.answers[0]!.answer).toBe("😀");
  });

  it("refuses a status update whose status holds a NUL with 400, and records the refusal", async () => {
    const text = JSON.stringify(statusUpdate(uniqueId(), "new", "MARK", "2024-01-02T03:04:05Z")).replace("MARK", `closed${nul}`);
    const response = await POST(webhookRequest(text));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_payload");
  });

  it("refuses a body with a literal NUL byte (not JSON) with 400 and records it without the body", async () => {
    const db = await readDb();
    const before = await db.webhookDelivery.aggregate({ _max: { id: true } });
    const request = webhookRequest(`{"type":"status_update"\u0000}`);
    // Its own record, by its webhook-id: other test files write deliveries at the same time.
    const webhookId = request.headers.get("webhook-id")!;
    const response = await POST(request);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_json");
    const recorded = await db.webhookDelivery.findFirstOrThrow({ where: { id: { gt: before._max.id ?? 0 }, webhookId, errorCode: "invalid_json" }, orderBy: { id: "desc" } });
    expect(recorded).toMatchObject({ outcome: "rejected", httpStatus: 400, rawBody: null, bodyBytes: 25 });
    expect(recorded.errorDetail).not.toContain("\u0000");
  });

  it("refuses a type holding a NUL with 400 and records its type with U+FFFD", async () => {
    const text = JSON.stringify(statusUpdate(uniqueId(), "new", "closed", "2024-01-02T03:04:05Z")).replace('"status_update"', `"status${nul}update"`);
    const db = await readDb();
    const before = await db.webhookDelivery.aggregate({ _max: { id: true } });
    const request = webhookRequest(text);
    const webhookId = request.headers.get("webhook-id")!;
    const response = await POST(request);
    expect(response.status).toBe(400);
    const recorded = await db.webhookDelivery.findFirstOrThrow({ where: { id: { gt: before._max.id ?? 0 }, webhookId, type: "status\uFFFDupdate" } });
    expect(recorded.rawBody).toBe(text);
  });
});
