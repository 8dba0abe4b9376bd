// What the print page shows: a consultation's current recommendation, ready for paper.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { presentText } from "../present/blank";
import type { PrescriptionDto } from "../schemas/prescription";
import { getConsultation } from "./consultation";

/** The consultation's current recommendation for printing, or null for an unknown consultation. */
export async function getPrescription(caller: Caller, id: number): Promise<PrescriptionDto | null> {
  assertPermission(caller, "consultations:print");
  const detail = await getConsultation(caller, id);
  if (!detail) return null;
  const { consultation, recommendations } = detail;
  // Versions come newest first; the current one is flagged (it is the newest by event time).
  const recommendation = recommendations.find((version) => version.current) ?? recommendations[0] ?? null;
  const medicationNotes = (recommendation?.answers ?? [])
    .filter((answer) => answer.question === "fda_drug")
    .flatMap((answer) => presentText(answer.answer) ?? []);
  return {
    consultation: {
      id: consultation.id,
      userId: consultation.userId,
      insuranceId: consultation.insuranceId,
      policyNumber: consultation.policyNumber,
    },
    recommendation,
    versionCount: recommendations.length,
    medicationNotes,
  };
}
