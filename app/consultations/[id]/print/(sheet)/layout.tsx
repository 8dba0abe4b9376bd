import { hasConsultation } from "@/lib/data/consultation";
import { parseConsultationId } from "@/lib/schemas/ids";
import { recordLayout } from "@/components/record-layout";

export const dynamic = "force-dynamic";

export default recordLayout({
  permission: "consultations:print",
  path: (id) => `/consultations/${id}/print`,
  parseId: parseConsultationId,
  exists: hasConsultation,
});
