// What erasing a consultation deletes: counted for the admin's confirm step on the consultation
// page, and again inside the erasure's own transaction (lib/writes/erase-consultation.ts).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb, type Tx } from "../db";

export type ErasureCounts = {
  consultation: number;
  statusChanges: number;
  recommendations: number;
  /** Drugs, ICD-10 entries, labs, follow-ups and notes of those recommendations. */
  recommendationItems: number;
  deliveries: number;
};

/** The rows stored about consultation `id`, with `client` (a transaction, or the read client). */
export async function countConsultationRecords(client: Tx, id: bigint): Promise<ErasureCounts & { recommendationIds: number[] }> {
  const recommendationIds = (await client.recommendation.findMany({ where: { consultationId: id }, select: { id: true } })).map((row) => row.id);
  const ofRecommendations = { recommendationId: { in: recommendationIds } };
  const items = [
    await client.recommendationIcd10.count({ where: ofRecommendations }),
    await client.recommendationDrug.count({ where: ofRecommendations }),
    await client.recommendationLab.count({ where: ofRecommendations }),
    await client.recommendationFollowUp.count({ where: ofRecommendations }),
    await client.recommendationAnswer.count({ where: ofRecommendations }),
  ];
  return {
    consultation: await client.consultation.count({ where: { id } }),
    statusChanges: await client.statusChange.count({ where: { consultationId: id } }),
    recommendations: recommendationIds.length,
    recommendationItems: items.reduce((sum, count) => sum + count, 0),
    deliveries: await client.webhookDelivery.count({ where: { consultationId: id } }),
    recommendationIds,
  };
}

/** For the confirm step: what erasing consultation `id` would delete now. */
export async function getErasurePreview(caller: Caller, id: bigint): Promise<ErasureCounts> {
  assertPermission(caller, "consultations:erase");
  const counts = await countConsultationRecords(await readDb(), id);
  return {
    consultation: counts.consultation,
    statusChanges: counts.statusChanges,
    recommendations: counts.recommendations,
    recommendationItems: counts.recommendationItems,
    deliveries: counts.deliveries,
  };
}
