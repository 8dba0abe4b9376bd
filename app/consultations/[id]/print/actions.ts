"use server";
// Server action behind PrintViewRecorder: records one view of a consultation's print page, by
// the signed-in user; refused (nothing recorded) without the print permission.

import { requireActionPermission } from "@/lib/auth/caller";
import { recordViewFor } from "./record-view";

export async function recordPrintViewAction(input: unknown): Promise<{ recorded: boolean }> {
  return recordViewFor(await requireActionPermission("consultations:print"), input);
}
