// What the print page shows: a consultation's current recommendation, ready for paper.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb } from "../db";
import type { PrescriptionDto } from "../schemas/prescription";
import { getConsultation } from "./consultation";

/** Whether Care Desk knows the consultation (a cheap check the print route makes before it streams). */
export async function hasConsultation(caller: Caller, id: number): Promise<boolean> {
  assertPermission(caller, "consultations:read");
  if (!Number.isSafeInteger(id) || id < 1) return false;
  const db = await readDb();
  const row = await db.consultation.findUnique({ where: { id: BigInt(id) }, select: { id: true } });
  return row !== null;
}

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
    .map((answer) => answer.answer?.trim() ?? "")
    .filter((note) => note !== "");
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
