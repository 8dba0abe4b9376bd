import { hasConsultationForRequest } from "@/lib/data/consultation-detail";
import { parseConsultationId } from "@/lib/schemas/ids";
import { recordLayout } from "@/components/record-layout";

export const dynamic = "force-dynamic";

export default recordLayout({
  permission: "consultations:read",
  path: (id) => `/consultations/${id}`,
  parseId: parseConsultationId,
  exists: hasConsultationForRequest,
});
