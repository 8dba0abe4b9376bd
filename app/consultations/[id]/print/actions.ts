"use server";
// Server action behind PrintViewRecorder: records one view of a consultation's print page.

import { recordPrintView } from "@/lib/writes/print-views";
import { printViewInput } from "@/lib/schemas/print-view";

/** Anyone who can reach the app can call a server action: the input is validated like a request body. */
export async function recordPrintViewAction(input: unknown): Promise<{ recorded: boolean }> {
  const parsed = printViewInput.safeParse(input);
  if (!parsed.success) return { recorded: false };
  try {
    // viewer stays null until Care Desk has sign-in.
    const view = await recordPrintView({ ...parsed.data, viewer: null });
    return { recorded: view !== null };
  } catch (error) {
    console.error("print view: recording failed", { consultationId: parsed.data.consultationId }, error);
    return { recorded: false };
  }
}
