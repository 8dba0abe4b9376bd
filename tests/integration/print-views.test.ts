// The print page's data: the prescription it shows and the views it records, on both databases.
import { describe, expect, it } from "vitest";
import { recordViewFor } from "@/app/consultations/[id]/print/record-view";
import { hasConsultation } from "@/lib/data/consultation";
import { getPrescription } from "@/lib/data/print-prescription";
import { parseConsultationId } from "@/lib/schemas/ids";
import { listPrintViews } from "@/lib/data/print-views";
import { recordPrintView } from "@/lib/writes/print-views";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { deliver } from "../support/webhooks";
import { asAdmin, asAuditor, asCoordinator } from "../support/callers";

/** A consultation with one recommendation (the sample); returns its id and the recommendation's. */
async function consultationWithRecommendation() {
  const consultationId = uniqueId();
  await deliver(routeHandler, recommendation(consultationId, "2024-05-01T08:00:00Z"));
  const prescription = await getPrescription(asCoordinator, consultationId);
  return { consultationId, recommendationId: prescription!.recommendation!.id };
}

describe("recordPrintView", () => {
  it("records each view with its paper size and the signed-in viewer, and lists them newest first", async () => {
    const { consultationId, recommendationId } = await consultationWithRecommendation();
    const before = Date.now();
    const first = await recordPrintView(asCoordinator, { consultationId, recommendationId, paperSize: "a4" });
    const second = await recordPrintView(asCoordinator, { consultationId, recommendationId, paperSize: "a5" });
    expect(first).toMatchObject({ consultationId, recommendationId, paperSize: "a4", viewer: "coordinator@example.test" });
    expect(second).toMatchObject({ consultationId, recommendationId, paperSize: "a5", viewer: "coordinator@example.test" });
    expect(Date.parse(first!.viewedAt)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Date.parse(first!.viewedAt)).toBeLessThanOrEqual(Date.now() + 5_000);

    const views = await listPrintViews(asAdmin, consultationId);
    expect(views.map((view) => view.id)).toEqual([second!.id, first!.id]);
    expect(views).toEqual([second, first]);
  });

  it("records who viewed it from the caller, and refuses a role without the print permission", async () => {
    const { consultationId, recommendationId } = await consultationWithRecommendation();
    const view = await recordPrintView(asAdmin, { consultationId, recommendationId, paperSize: "a4" });
    expect(view?.viewer).toBe("admin@example.test");
    await expect(recordPrintView(asAuditor, { consultationId, recommendationId, paperSize: "a4" })).rejects.toThrow("consultations:print");
    expect(await listPrintViews(asAdmin, consultationId)).toEqual([expect.objectContaining({ viewer: "admin@example.test" })]);
  });

  it("records a view of a consultation that has no recommendation yet", async () => {
    const consultationId = uniqueId();
    await deliver(routeHandler, statusUpdate(consultationId, null, "new", "2024-05-01T08:00:00Z"));
    const view = await recordPrintView(asCoordinator, { consultationId, recommendationId: null, paperSize: "a4" });
    expect(view).toMatchObject({ consultationId, recommendationId: null });
    expect(await listPrintViews(asAdmin, consultationId)).toHaveLength(1);
  });

  it("records nothing for an unknown consultation or another consultation's recommendation", async () => {
    const mine = await consultationWithRecommendation();
    const theirs = await consultationWithRecommendation();
    const unknown = uniqueId();

    expect(await recordPrintView(asCoordinator, { consultationId: unknown, recommendationId: null, paperSize: "a4" })).toBeNull();
    expect(await recordPrintView(asCoordinator, { consultationId: mine.consultationId, recommendationId: theirs.recommendationId, paperSize: "a4" })).toBeNull();
    expect(await recordPrintView(asCoordinator, { consultationId: mine.consultationId, recommendationId: 2_000_000_000, paperSize: "a4" })).toBeNull();

    expect(await listPrintViews(asAdmin, unknown)).toEqual([]);
    expect(await listPrintViews(asAdmin, mine.consultationId)).toEqual([]);
    expect(await listPrintViews(asAdmin, theirs.consultationId)).toEqual([]);
  });

  it("records every one of many concurrent views (and the webhooks arriving meanwhile)", async () => {
    const { consultationId, recommendationId } = await consultationWithRecommendation();
    const others = Array.from({ length: 5 }, () => uniqueId());
    const results = await Promise.all([
      ...Array.from({ length: 25 }, (_, index) => recordPrintView(asCoordinator, { consultationId, recommendationId, paperSize: index % 2 ? "a5" : "a4" })),
      ...others.map((id) => deliver(routeHandler, statusUpdate(id, null, "new", "2024-05-01T09:00:00Z"))),
    ]);
    expect(results.slice(0, 25).every((view) => view !== null)).toBe(true);
    const views = await listPrintViews(asAdmin, consultationId);
    expect(views).toHaveLength(25);
    expect(views.filter((view) => view.paperSize === "a5")).toHaveLength(12);
    for (const id of others) expect(await hasConsultation(asCoordinator, id)).toBe(true);
  });
});

describe("the print page's server action, once its guard has answered", () => {
  const signedIn = { ok: true as const, caller: asCoordinator };

  it("records a valid view with the signed-in user", async () => {
    const { consultationId, recommendationId } = await consultationWithRecommendation();
    expect(await recordViewFor(signedIn, { consultationId, recommendationId, paperSize: "a5" })).toEqual({ recorded: true });
    expect(await listPrintViews(asAdmin, consultationId)).toEqual([
      expect.objectContaining({ recommendationId, paperSize: "a5", viewer: "coordinator@example.test" }),
    ]);
  });

  it("records nothing for a signed-out caller or a role without the print permission", async () => {
    const { consultationId, recommendationId } = await consultationWithRecommendation();
    const input = { consultationId, recommendationId, paperSize: "a4" };
    expect(await recordViewFor({ ok: false, code: "unauthorized", message: "signed out" }, input)).toEqual({ recorded: false });
    expect(await recordViewFor({ ok: false, code: "forbidden", message: "no" }, input)).toEqual({ recorded: false });
    expect(await listPrintViews(asAdmin, consultationId)).toEqual([]);
  });

  it("refuses malformed input and unknown consultations without recording anything", async () => {
    const { consultationId, recommendationId } = await consultationWithRecommendation();
    for (const input of [
      undefined,
      null,
      "72",
      { consultationId: String(consultationId), recommendationId, paperSize: "a4" },
      { consultationId, recommendationId, paperSize: "letter" },
      { consultationId, recommendationId: "1", paperSize: "a4" },
      { consultationId, recommendationId, paperSize: "a4", viewer: "someone-else" },
      { consultationId: 0, recommendationId, paperSize: "a4" },
      { consultationId: 2 ** 53, recommendationId, paperSize: "a4" },
      { consultationId: uniqueId(), recommendationId: null, paperSize: "a4" },
    ]) {
      expect(await recordViewFor(signedIn, input), JSON.stringify(input)).toEqual({ recorded: false });
    }
    expect(await listPrintViews(asAdmin, consultationId)).toEqual([]);
  });
});

describe("getPrescription", () => {
  it("prints the current version (the latest by event time, whatever the arrival order) with its medication notes", async () => {
    const consultationId = uniqueId();
    const sampleData = recommendationData();
    const withNote = (note: string) => ({
      ...sampleData,
      postCallAnswer: [
        { question: "doctor_notes", answer: "not for the pharmacy" },
        { question: "fda_drug", answer: note },
        { question: "fda_drug", answer: "   " },
        { question: "fda_drug", answer: null },
      ],
    });
    await deliver(routeHandler, recommendation(consultationId, "2024-05-01T10:00:00Z", withNote("take the newer one")));
    await deliver(routeHandler, recommendation(consultationId, "2024-05-01T09:00:00Z", { ...withNote("take the older one"), drug: null }));

    const prescription = await getPrescription(asCoordinator, consultationId);
    expect(prescription).toMatchObject({
      consultation: { id: consultationId, userId: "1", insuranceId: "1", policyNumber: "1" },
      recommendation: { current: true, version: 2, eventTime: { sent: "2024-05-01T10:00:00Z" } },
      versionCount: 2,
      medicationNotes: ["take the newer one"],
    });
    expect(prescription?.recommendation?.drugs.map((drug) => drug.tradeName)).toEqual(["ORAP FORTE TAB 4 MG", "ORUVAIL S-R CAPS 100 MG"]);
    expect(prescription?.recommendation?.dispense).toMatchObject({ passCode: "5528" });
  });

  it("has no recommendation for a consultation that only has status updates, and is null for an unknown one", async () => {
    const consultationId = uniqueId();
    await deliver(routeHandler, statusUpdate(consultationId, null, "new", "2024-05-01T08:00:00Z"));
    expect(await getPrescription(asCoordinator, consultationId)).toEqual({
      consultation: { id: consultationId, userId: "1", insuranceId: "1234", policyNumber: "1981" },
      recommendation: null,
      versionCount: 0,
      medicationNotes: [],
    });
    expect(await hasConsultation(asCoordinator, consultationId)).toBe(true);

    const unknown = uniqueId();
    expect(await getPrescription(asCoordinator, unknown)).toBeNull();
    expect(await hasConsultation(asCoordinator, unknown)).toBe(false);
    expect(await hasConsultation(asCoordinator, 0)).toBe(false);
  });
});

describe("parseConsultationId", () => {
  it("accepts positive integers written in plain digits only", () => {
    expect(parseConsultationId("72")).toBe(72);
    expect(parseConsultationId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    for (const text of ["", "0", "-1", "072", "1e3", "0x10", "7.2", " 72", "72 ", "abc", "9007199254740992", "99999999999999999999"]) {
      expect(parseConsultationId(text), text).toBeNull();
    }
  });
});
