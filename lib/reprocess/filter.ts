// Which stored deliveries to reprocess: one, or a filter. Pure (zod), shared by the admin page's
// server actions and `npm run deliveries:reprocess`.
import { z } from "zod";

/** Deliveries whose body can be reprocessed: processed ones and authenticated refusals (a duplicate's body is its original's). */
export const reprocessOutcomes = ["processed", "rejected"] as const;

/** The most deliveries one run takes (the dry run is one transaction); the summary says where to continue. */
export const maxReprocessDeliveries = 1000;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date, YYYY-MM-DD" });
const positiveInt = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const reprocessFilterSchema = z
  .object({
    deliveryId: positiveInt.optional(),
    outcome: z.enum(reprocessOutcomes).optional(),
    type: z.string().trim().min(1).max(64).optional(),
    consultationId: positiveInt.optional(),
    /** Received on or after this day (UTC). */
    since: day.optional(),
    /** Received on or before this day (UTC). */
    until: day.optional(),
    /** Continue after this delivery id (a run stops at maxReprocessDeliveries). */
    afterId: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((filter) => !(filter.since && filter.until) || filter.since <= filter.until, { error: "since must not be after until", path: ["until"] });

export type ReprocessFilter = z.infer<typeof reprocessFilterSchema>;

/** Empty form fields are "not given". */
export function reprocessFilterFrom(values: Record<string, unknown>) {
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === "string" && value.trim() !== ""));
  return reprocessFilterSchema.safeParse(given);
}

/** The filter in words, for summaries and the audit trail. */
export function describeFilter(filter: ReprocessFilter): string {
  const parts = [
    filter.deliveryId ? `delivery ${filter.deliveryId}` : null,
    filter.outcome ? `outcome ${filter.outcome}` : "outcome processed or rejected",
    filter.type ? `type ${filter.type}` : null,
    filter.consultationId ? `consultation ${filter.consultationId}` : null,
    filter.since ? `received from ${filter.since}` : null,
    filter.until ? `received until ${filter.until}` : null,
    filter.afterId ? `after delivery ${filter.afterId}` : null,
  ];
  return parts.filter((part) => part !== null).join(", ");
}

/** What a run did (or, dry, would do): shown on the page and by the command, recorded in the audit trail. */
export type ReprocessSummary = {
  dryRun: boolean;
  filter: ReprocessFilter;
  filterText: string;
  /** Deliveries taken by this run (at most maxReprocessDeliveries). */
  selected: number;
  /** More matched: run again with afterId = nextAfterId. */
  nextAfterId: number | null;
  /** Valid today. */
  accepted: number;
  /** Once refused, accepted now: their outcome becomes processed. */
  nowAccepted: number[];
  /** Once refused, now accepted, but the same delivery (webhook-id) was processed since: marked duplicate. */
  nowDuplicate: number[];
  stillRejected: { deliveryId: number; reason: string }[];
  newConsultations: string[];
  statusChanges: { consultationId: string; from: string | null; to: string | null }[];
  newStatusEvents: number;
  newRecommendationVersions: number;
  /** Accepted deliveries that changed nothing. */
  unchanged: number;
};
