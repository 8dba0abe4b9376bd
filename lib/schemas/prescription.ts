// The printable prescription of a consultation: its member and policy, and the current
// recommendation version (null when no recommendation has arrived yet).
import { z } from "zod";
import { consultationSummaryDto, recommendationDto } from "./consultation";

export const prescriptionDto = z.object({
  consultation: consultationSummaryDto.pick({ id: true, userId: true, insuranceId: true, policyNumber: true }),
  recommendation: recommendationDto.nullable(),
  /** How many recommendation versions the consultation has (the printed one is the latest). */
  versionCount: z.number().int(),
  /** The doctor's medication notes (post-call answers to `fda_drug`), blank ones left out. */
  medicationNotes: z.array(z.string()),
});

export type PrescriptionDto = z.infer<typeof prescriptionDto>;
