// What the print page's server action does once the caller is known: anyone can call a server
// action with curl, so the guard's verdict and the input are both checked here.
import "server-only";
import type { ActionGuard } from "@/lib/auth/caller";
import { log } from "@/lib/observability/log";
import { recordPrintView } from "@/lib/writes/print-views";
import { printViewInput } from "@/lib/schemas/print-view";

export async function recordViewFor(guard: ActionGuard, input: unknown): Promise<{ recorded: boolean }> {
  if (!guard.ok) return { recorded: false };
  const parsed = printViewInput.safeParse(input);
  if (!parsed.success) return { recorded: false };
  try {
    const view = await recordPrintView(guard.caller, parsed.data);
    return { recorded: view !== null };
  } catch (error) {
    log.error({ err: error, consultationId: parsed.data.consultationId }, "print view: recording failed");
    return { recorded: false };
  }
}
