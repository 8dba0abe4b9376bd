// Webhook deliveries (the inbox): the list's query, and the outgoing shapes of the list, one
// delivery, and the live refresh.
import { z } from "zod";
import { maxDeliveryId } from "./ids";
import { parseQueryWith, single, type ParsedQuery, type SearchParamsInput } from "./query-params";

/** What became of a request to POST /api/webhooks, as the inbox records it. */
export const deliveryOutcomes = ["processed", "duplicate", "rejected", "unauthorized"] as const;
export const deliveryOutcome = z.enum(deliveryOutcomes);
export type DeliveryOutcome = z.infer<typeof deliveryOutcome>;

/** The type filter: the two Altibbi types, or "other" (missing or unknown). */
export const deliveryTypeFilters = ["status_update", "recommendation_data", "other"] as const;
export type DeliveryTypeFilter = (typeof deliveryTypeFilters)[number];

export const deliveryPageSize = 50;

export const deliverySummaryDto = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  outcome: deliveryOutcome,
  httpStatus: z.number().int(),
  type: z.string().nullable(),
  consultationId: z.number().int().nullable(),
  bodyBytes: z.number().int(),
  errorCode: z.string().nullable(),
  errorDetail: z.string().nullable(),
});

export const deliveryDetailDto = deliverySummaryDto.extend({
  webhookId: z.string().nullable(),
  bodySha256: z.string().nullable(),
  /** The recorded request headers, credentials already masked when stored. */
  headers: z.record(z.string(), z.string()),
  rawBody: z.string().nullable(),
  /** When retention removed the body (ISO time), if it did. */
  rawBodyPurgedAt: z.string().nullable(),
});

export const deliveryListDto = z.object({
  items: z.array(deliverySummaryDto),
  page: z.object({ next: z.number().int().nullable(), prev: z.number().int().nullable() }),
});

/** The newest delivery ids: a client refreshes when one it has not seen appears. */
export const deliveryChangesDto = z.object({ latestIds: z.array(z.number().int()) });

export type DeliverySummaryDto = z.infer<typeof deliverySummaryDto>;
export type DeliveryDetailDto = z.infer<typeof deliveryDetailDto>;
export type DeliveryListDto = z.infer<typeof deliveryListDto>;
export type DeliveryChangesDto = z.infer<typeof deliveryChangesDto>;

const deliveryId = z.coerce
  .number({ error: (issue) => (issue.code === "invalid_type" ? "must be a delivery id" : undefined) })
  .int({ error: "must be a delivery id (a whole number)" })
  .min(1, { error: "must be a delivery id (1 or more)" })
  .max(maxDeliveryId, { error: "is too large for a delivery id" });

const deliveryQuerySchema = z
  .object({
    outcome: single(z.enum(deliveryOutcomes, { error: `must be one of ${deliveryOutcomes.join(", ")}` })),
    type: single(z.enum(deliveryTypeFilters, { error: `must be one of ${deliveryTypeFilters.join(", ")}` })),
    after: single(deliveryId),
    before: single(deliveryId),
  })
  .refine((query) => !(query.after && query.before), { error: "give after or before, not both", path: ["before"] });

export type DeliveryListQuery = z.infer<typeof deliveryQuerySchema>;

export const parseDeliveryQuery = (input: SearchParamsInput): ParsedQuery<DeliveryListQuery> => parseQueryWith(deliveryQuerySchema, input);

/** The query as URL parameters, for links (pagination); `cursor` replaces the query's own. */
export function deliveryQueryParams(query: DeliveryListQuery, cursor: { after?: number; before?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.outcome) params.set("outcome", query.outcome);
  if (query.type) params.set("type", query.type);
  if (cursor.after !== undefined) params.set("after", String(cursor.after));
  if (cursor.before !== undefined) params.set("before", String(cursor.before));
  return params;
}
