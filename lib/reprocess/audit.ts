// How a reprocessing run is recorded in the audit trail: counts and the filter, never a body.
import type { AuditEventInput } from "../audit/catalogue";
import type { ReprocessSummary } from "./filter";

export function reprocessAuditEvent(summary: ReprocessSummary, via: "page" | "cli"): AuditEventInput {
  return {
    action: "deliveries.reprocessed",
    deliveryId: summary.filter.deliveryId ?? null,
    consultationId: summary.filter.consultationId ?? null,
    detail: {
      via,
      filter: summary.filterText,
      selected: summary.selected,
      accepted: summary.accepted,
      nowAccepted: summary.nowAccepted.length,
      stillRejected: summary.stillRejected.length,
      newConsultations: summary.newConsultations.length,
      newRecommendationVersions: summary.newRecommendationVersions,
    },
  };
}
