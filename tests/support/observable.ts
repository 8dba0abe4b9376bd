// What a coordinator sees of one consultation, with the ids and receive times that differ per
// run and per consultation left out: two deliveries orders (or two write paths) that end in the
// same state give equal values.
import { getConsultation } from "@/lib/data/consultation";
import { asCoordinator } from "./callers";

export async function observable(id: number) {
  const detail = await getConsultation(asCoordinator, id);
  if (!detail) return null;
  const { consultation, timeline, recommendations } = detail;
  return {
    consultation: { ...consultation, id: undefined, firstSeenAt: undefined, updatedAt: undefined },
    timeline: timeline.map((t) => [t.oldStatus, t.newStatus, t.eventTime.sent]),
    recommendations: recommendations.map((r) => ({ ...r, id: undefined, receivedAt: undefined })),
  };
}
