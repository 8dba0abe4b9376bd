// Print views: each opening of a consultation's print page in a browser (when, which consultation
// and recommendation version, which paper size, and who: the signed-in user).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
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
export async function recordPrintView(caller: Caller, view: PrintViewInput): Promise<PrintViewDto | null> {
  assertPermission(caller, "consultations:print");
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
        // Who: the signed-in person (an API token cannot open the print page, but is named if it records).
        viewer: caller.kind === "user" ? caller.email : `token:${caller.name}`,
        viewerId: caller.kind === "user" ? caller.userId : null,
        paperSize: view.paperSize,
      },
    });
    return toPrintViewDto(row);
  });
}

/** A consultation's print views, newest first. */
export async function listPrintViews(caller: Caller, consultationId: number, limit = 100): Promise<PrintViewDto[]> {
  assertPermission(caller, "audit:read");
  if (!Number.isSafeInteger(consultationId) || consultationId < 1) return [];
  const db = await readDb();
  const rows = await db.printView.findMany({
    where: { consultationId: BigInt(consultationId) },
    orderBy: [{ viewedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 1000),
  });
  return rows.map(toPrintViewDto);
}
