import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasConsultation } from "@/lib/data/print-prescription";
import { parseConsultationId } from "@/lib/schemas/consultation-query";

export const dynamic = "force-dynamic";

/**
 * Checks that the consultation exists before anything streams: the page renders behind
 * loading.tsx, and once that fallback is sent the status is fixed at 200. Checked here, above
 * the loading boundary, an unknown id answers 404 (with ../not-found.tsx).
 */
export default async function ConsultationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const text = (await params).id;
  // Signed in with the permission first: an unknown id must not be told apart from a known one.
  const caller = await requirePagePermission("consultations:read", `/consultations/${text}`);
  const id = parseConsultationId(text);
  if (id === null || !(await hasConsultation(caller, id))) notFound();
  return children;
}
