// Recording a print view: a write outside webhook ingestion, so it goes through lib/db's
// writeTransaction (on SQLite, the one serialised write connection).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { writeTransaction } from "../db";
import { printViewSelect, toPrintViewDto } from "../data/print-views";
import type { PrintViewDto, PrintViewInput } from "../schemas/print-view";

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
      select: printViewSelect,
    });
    return toPrintViewDto(row);
  });
}
