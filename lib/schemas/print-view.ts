// Print views: the paper sizes the print page offers, what the page reports when it is opened,
// and a recorded view as lib/data returns it.
import { z } from "zod";

export const paperSizes = ["a4", "a5"] as const;
export const paperSizeSchema = z.enum(paperSizes);
export type PaperSize = z.infer<typeof paperSizeSchema>;

/** A4 unless the query asks for a size the page offers (`?paper=a5`); anything else is A4. */
export function parsePaperSize(value: string | string[] | undefined): PaperSize {
  const parsed = paperSizeSchema.safeParse(typeof value === "string" ? value.toLowerCase() : undefined);
  return parsed.success ? parsed.data : "a4";
}

/** What the print page sends when it has been opened in a browser (untrusted: a public server action). */
export const printViewInput = z.strictObject({
  consultationId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  recommendationId: z.number().int().min(1).max(2_147_483_647).nullable(),
  paperSize: paperSizeSchema,
});
export type PrintViewInput = z.infer<typeof printViewInput>;

export const printViewDto = z.object({
  id: z.number().int(),
  consultationId: z.number().int(),
  recommendationId: z.number().int().nullable(),
  viewedAt: z.string(),
  /** Who viewed it (the signed-in user's email); null for views recorded before sign-in existed. */
  viewer: z.string().nullable(),
  paperSize: z.string().nullable(),
});
export type PrintViewDto = z.infer<typeof printViewDto>;
