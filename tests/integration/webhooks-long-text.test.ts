// Long text is genuine: a doctor's note or a drug's special instructions of any length within the
// 1 MiB body cap is accepted and stored whole (a 4xx would make Altibbi give up on it).
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { getConsultation } from "@/lib/data/consultation";
import { recommendationData, recommendation, sampleDatetime, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";
import { asCoordinator } from "../support/callers";

/** `length` characters of varied text (Arabic, Latin, an emoji, line breaks), not one repeated letter. */
const longText = (length: number, seed: string) => {
  const words = `${seed} خذ الدواء بعد الأكل take after food 💊 line\n`;
  return words.repeat(Math.ceil(length / words.length)).slice(0, length - 1) + ".";
};

describe("POST /api/webhooks accepts text of any length within the body cap", () => {
  it("stores a 12,000-character doctor's note and 20,000-character special instructions whole", async () => {
    const id = uniqueId();
    const note = longText(12_000, "note");
    const instructions = longText(20_000, "instructions");
    const sample = recommendationData();
    const body = recommendation(id, sampleDatetime("recommendation_data"), {
      ...sample,
      drug: { fdaDrug: [{ ...sample.drug.fdaDrug[0], specialInstructions: instructions }] },
      postCallAnswer: [{ question: "doctor_notes", answer: note }],
    });
    const response = await POST(webhookRequest(body));
    expect(response.status).toBe(200);

    const detail = await getConsultation(asCoordinator, id);
    const stored = detail!.recommendations[0]!;
    expect(stored.drugs[0]!.specialInstructions).toBe(instructions);
    expect(stored.answers).toEqual([{ question: "doctor_notes", answer: note }]);
  });

  it("stores one text field of almost 1 MiB whole", async () => {
    const id = uniqueId();
    const sample = recommendationData();
    const envelope = JSON.stringify(recommendation(id, sampleDatetime("recommendation_data"), { ...sample, postCallAnswer: [{ question: "doctor_notes", answer: "" }] }));
    const note = "a".repeat(1024 * 1024 - Buffer.byteLength(envelope) - 16);
    const body = recommendation(id, sampleDatetime("recommendation_data"), { ...sample, postCallAnswer: [{ question: "doctor_notes", answer: note }] });
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(1024 * 1024);
    const response = await POST(webhookRequest(body));
    expect(response.status).toBe(200);
    const detail = await getConsultation(asCoordinator, id);
    expect(detail!.recommendations[0]!.answers[0]!.answer).toHaveLength(note.length);
  });

  it("caps only the indexed names and codes (drug name and trade name, ICD-10 code and name) at 500 characters", async () => {
    const sample = recommendationData();
    const name = "باراسيتامول 💊 ".repeat(40).slice(0, 500);
    const accepted = recommendation(uniqueId(), sampleDatetime("recommendation_data"), {
      ...sample,
      drug: { fdaDrug: [{ ...sample.drug.fdaDrug[0], name, tradeName: name }] },
      icd10: { symptom: [], diagnosis: [{ code: name, name }] },
    });
    expect((await POST(webhookRequest(accepted))).status).toBe(200);

    const tooLong = recommendation(uniqueId(), sampleDatetime("recommendation_data"), {
      ...sample,
      drug: { fdaDrug: [{ ...sample.drug.fdaDrug[0], tradeName: "T".repeat(501) }] },
    });
    const response = await POST(webhookRequest(tooLong));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.issues.map((issue: { path: string }) => issue.path)).toContain("data.drug.fdaDrug[0].tradeName");
  });
});
