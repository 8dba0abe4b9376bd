// A member's right to erasure: an admin deletes one consultation and every row about it (its
// status changes, every recommendation version and their drugs, ICD-10 codes, labs, follow-ups
// and notes, every webhook delivery that named it, whatever its outcome), in one transaction.
// Returns what was deleted, so the erasure itself can be recorded. The audit trail keeps its
// events about the consultation (who opened or printed it, when: identifiers, never medical
// content) — deleting them would break the hash chain that proves nobody rewrote it.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { writeTransaction } from "../db";
import { countConsultationRecords, type ErasureCounts } from "../data/erasure-preview";

export type { ErasureCounts };

export const erasedNothing = (counts: ErasureCounts): boolean => Object.values(counts).every((count) => count === 0);

/**
 * Deletes consultation `id` and all its rows; the counts deleted (all zero when nothing was
 * stored under that id). A delivery for it that arrives later creates it anew: erasure removes
 * what is stored, it cannot stop Altibbi from sending.
 */
export async function eraseConsultation(caller: Caller, id: bigint): Promise<ErasureCounts> {
  assertPermission(caller, "consultations:erase");
  return writeTransaction(async (tx) => {
    const { recommendationIds, ...counts } = await countConsultationRecords(tx, id);
    // Children first and explicitly, rather than trusting ON DELETE CASCADE on every driver.
    const ofRecommendations = { recommendationId: { in: recommendationIds } };
    await tx.recommendationIcd10.deleteMany({ where: ofRecommendations });
    await tx.recommendationDrug.deleteMany({ where: ofRecommendations });
    await tx.recommendationLab.deleteMany({ where: ofRecommendations });
    await tx.recommendationFollowUp.deleteMany({ where: ofRecommendations });
    await tx.recommendationAnswer.deleteMany({ where: ofRecommendations });
    await tx.recommendation.deleteMany({ where: { consultationId: id } });
    await tx.statusChange.deleteMany({ where: { consultationId: id } });
    await tx.task.deleteMany({ where: { consultationId: id } });
    // Deliveries name the consultation without a foreign key.
    await tx.webhookDelivery.deleteMany({ where: { consultationId: id } });
    await tx.consultation.deleteMany({ where: { id } });
    return counts;
  });
}
