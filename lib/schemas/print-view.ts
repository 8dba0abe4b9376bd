// The paper sizes the print page offers (a view of it is recorded as the audit event print.viewed,
// with its paper size: lib/audit).
import { z } from "zod";

export const paperSizes = ["a4", "a5"] as const;
export const paperSizeSchema = z.enum(paperSizes);
export type PaperSize = z.infer<typeof paperSizeSchema>;

/** A4 unless the query asks for a size the page offers (`?paper=a5`); anything else is A4. */
export function parsePaperSize(value: string | string[] | undefined): PaperSize {
  const parsed = paperSizeSchema.safeParse(typeof value === "string" ? value.toLowerCase() : undefined);
  return parsed.success ? parsed.data : "a4";
}
