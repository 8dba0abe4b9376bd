// Print views: each opening of a consultation's print page in a browser (when, which consultation
// and recommendation version, which paper size; who, once Care Desk has sign-in).
import "server-only";
import { readDb, writeTransaction } from "../db";
import type { PrintViewDto, PrintViewInput } from "../schemas/print-view";

type PrintViewRow = {
  id: number;
  consultationId: bigint;
  recommendationId: number | null;
  viewedAt: Date;
  viewer: string | null;
  paperSize: string | null;
};

const toPrintViewDto = (row: PrintViewRow): PrintViewDto => ({
  id: row.id,
  consultationId: Number(row.consultationId),
  recommendationId: row.recommendationId,
  viewedAt: row.viewedAt.toISOString(),
  viewer: row.viewer,
  paperSize: row.paperSize,
});

/**
 * Records one view of a consultation's print page. Returns null, and records nothing, when the
 * consultation is unknown or the recommendation is not one of its versions: print_views has no
 * foreign keys, so this is the only guard against rows that describe nothing.
 */
export async function recordPrintView(view: PrintViewInput & { viewer?: string | null }): Promise<PrintViewDto | null> {
  const consultationId = BigInt(view.consultationId);
  return writeTransaction(async (tx) => {
    const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: { id: true } });
    if (!consultation) return null;
    if (view.recommendationId !== null) {
      const recommendation = await tx.recommendation.findFirst({
        where: { id: view.recommendationId, consultationId },
        select: { id: true },
      });
      if (!recommendation) return null;
    }
    const row = await tx.printView.create({
      data: {
        consultationId,
        recommendationId: view.recommendationId,
        viewer: view.viewer ?? null,
        paperSize: view.paperSize,
      },
    });
    return toPrintViewDto(row);
  });
}

/** A consultation's print views, newest first. */
export async function listPrintViews(consultationId: number, limit = 100): Promise<PrintViewDto[]> {
  if (!Number.isSafeInteger(consultationId) || consultationId < 1) return [];
  const db = await readDb();
  const rows = await db.printView.findMany({
    where: { consultationId: BigInt(consultationId) },
    orderBy: [{ viewedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 1000),
  });
  return rows.map(toPrintViewDto);
}
