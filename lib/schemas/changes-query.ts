// The query of GET /api/consultations/changes: `since` (a cursor this endpoint returned) and
// `id` (narrow to one consultation), both optional.
import { z } from "zod";
import { parseConsultationId } from "./ids";
import { parseQueryWith, single, type ParsedQuery, type SearchParamsInput } from "./query-params";

const changesQuerySchema = z.object({
  since: single(
    z
      .string()
      .refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)), {
        error: "must be a cursor returned by this endpoint (an ISO 8601 time)",
      })
      .transform((text) => new Date(text)),
  ),
  id: single(
    z
      .string()
      .transform((text) => parseConsultationId(text))
      .refine((id) => id !== null, { error: "must be a consultation id (a positive integer)" })
      .transform((id) => id!),
  ),
});

export type ChangesQuery = z.infer<typeof changesQuerySchema>;

export const parseChangesQuery = (input: SearchParamsInput): ParsedQuery<ChangesQuery> => parseQueryWith(changesQuerySchema, input);
