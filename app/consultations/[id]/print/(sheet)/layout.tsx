import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasConsultation } from "@/lib/data/print-prescription";
import { parseConsultationId } from "@/lib/schemas/consultation-query";

export const dynamic = "force-dynamic";

/**
 * Checks that the consultation exists before anything streams. The page below renders behind
 * loading.tsx, and once that fallback has been sent the status is fixed at 200; checking here,
 * above the loading boundary, lets an unknown id answer 404 (with ../not-found.tsx).
 */
export default async function PrintSheetLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePagePermission("consultations:print", `/consultations/${id}/print`);
  const consultationId = parseConsultationId(id);
  if (consultationId === null || !(await hasConsultation(caller, consultationId))) notFound();
  return children;
}
