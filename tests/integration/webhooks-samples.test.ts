import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { getConsultation } from "@/lib/data/consultation";
import { sampleDrugDtos } from "../support/drugs";
import { readFixture, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";
import { asCoordinator } from "../support/callers";

describe("the two Altibbi samples", () => {
  it("stores a status update and shows it through lib/data", async () => {
    const id = uniqueId();
    const response = await POST(webhookRequest({ ...readFixture("status_update"), consultation_id: id }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "processed", delivery_id: expect.any(Number) });

    const detail = await getConsultation(asCoordinator, id);
    expect(detail?.consultation).toMatchObject({
      id,
      userId: "1",
      insuranceId: "1234",
      policyNumber: "1981",
      status: "checking_medical_profile",
      statusDocumented: true,
      statusSince: { sent: "2023-06-15T09:38:50.848860Z", utc: "2023-06-15T09:38:50.848Z" },
      diagnosis: null,
    });
    expect(detail?.timeline).toEqual([
      expect.objectContaining({ oldStatus: "new", newStatus: "checking_medical_profile", outOfOrder: false }),
    ]);
  });

  it("stores every part of the recommendation sample", async () => {
    const id = uniqueId();
    const response = await POST(webhookRequest({ ...readFixture("recommendation_data"), consultation_id: id }));
    expect(response.status).toBe(200);

    const detail = await getConsultation(asCoordinator, id);
    expect(detail?.consultation).toMatchObject({ id, userId: "1", insuranceId: "1", policyNumber: "1", status: null, drugCount: 2 });
    expect(detail?.consultation.diagnosis).toEqual({ code: "B66.3", name: "Fascioliasis" });
    expect(detail?.recommendations).toHaveLength(1);
    const [rec] = detail!.recommendations;
    expect(rec).toMatchObject({ version: 1, current: true, eventTime: { sent: "2023-06-15T09:46:01.764869Z" } });
    expect(rec!.icd10).toEqual([
      { kind: "symptom", code: "L81.2", name: "Freckles" },
      { kind: "diagnosis", code: "B66.3", name: "Fascioliasis" },
    ]);
    expect(rec!.drugs).toEqual(sampleDrugDtos);
    expect(rec!.labs).toEqual([{ kind: "lab", name: "FIT Test", code: null }]);
    expect(rec!.referral).toEqual({ name: "Gastroenterologist/ Stomach & Bowel Specialist" });
    expect(rec!.followUps.map((f) => f.name)).toEqual(["Do Lab Test", "Do the required radiation", "No Follow-up - Policy Expired"]);
    expect(rec!.answers).toEqual([
      { question: "doctor_notes", answer: "additional note" },
      { question: "symptoms", answer: "symptoms note" },
      { question: "diagnosis", answer: "Diagnosis note" },
      { question: "fda_drug", answer: "medications note" },
      { question: "lab_codes", answer: "Lab note" },
    ]);
    expect(rec!.dispense).toEqual({
      url: "https://web.altibb.com//prescription/9EK1IhvLIwMC8rw5066cMVZXqs3",
      passCode: "5528",
      qrUrl: "https://services.altibbi.com/qr/https%3A%2F%2Fweb.altibb.com%2F%2Fprescription%2F9EK1IhvLIwMC8rw50jEaHIp3cEVRXqs3",
    });
  });
});
