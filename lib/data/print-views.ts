// Print views: each opening of a consultation's print page in a browser (when, which consultation
// and recommendation version, which paper size, and who: the signed-in user). Reading them;
// recording one is lib/writes/print-views.ts.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb, type Prisma } from "../db";
import type { PrintViewDto } from "../schemas/print-view";

export const printViewSelect = {
  id: true,
  consultationId: true,
  recommendationId: true,
  viewedAt: true,
  viewer: true,
  paperSize: true,
} satisfies Prisma.PrintViewSelect;

export const toPrintViewDto = (row: Prisma.PrintViewGetPayload<{ select: typeof printViewSelect }>): PrintViewDto => ({
  ...row,
  consultationId: Number(row.consultationId),
  viewedAt: row.viewedAt.toISOString(),
});

/** A consultation's print views, newest first. */
export async function listPrintViews(caller: Caller, consultationId: number, limit = 100): Promise<PrintViewDto[]> {
  assertPermission(caller, "audit:read");
  if (!Number.isSafeInteger(consultationId) || consultationId < 1) return [];
  const db = await readDb();
  const rows = await db.printView.findMany({
    where: { consultationId: BigInt(consultationId) },
    orderBy: [{ viewedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 1000),
    select: printViewSelect,
  });
  return rows.map(toPrintViewDto);
}
