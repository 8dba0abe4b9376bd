"use server";
// /admin/reprocess: dry run, then apply, a reprocessing of stored deliveries (permission replay).

import { revalidatePath } from "next/cache";
import { currentAuditContext, recordAuditOrLog } from "@/lib/audit/record";
import { requireActionPermission } from "@/lib/auth/caller";
import { log } from "@/lib/observability/log";
import { reprocessAuditEvent } from "@/lib/reprocess/audit";
import { reprocessFilterFrom, type ReprocessSummary } from "@/lib/reprocess/filter";
import { reprocessDeliveries } from "@/lib/reprocess/reprocess";

export type ReprocessState = { ok: boolean; message: string; summary?: ReprocessSummary; fields?: Record<string, string> } | null;

const fieldNames = ["deliveryId", "outcome", "type", "consultationId", "since", "until", "afterId"] as const;

export async function reprocessAction(_previous: ReprocessState, form: FormData): Promise<ReprocessState> {
  const guard = await requireActionPermission("replay");
  if (!guard.ok) return { ok: false, message: guard.message };
  const fields = Object.fromEntries(fieldNames.map((name) => [name, String(form.get(name) ?? "").trim()]));
  const parsed = reprocessFilterFrom(fields);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "), fields };
  const dryRun = form.get("intent") !== "apply";
  try {
    const summary = await reprocessDeliveries(guard.caller, parsed.data, { dryRun });
    if (!dryRun) {
      await recordAuditOrLog(guard.caller, await currentAuditContext(), reprocessAuditEvent(summary, "page"));
      revalidatePath("/deliveries");
    }
    const message = dryRun
      ? summary.selected === 0
        ? "No stored delivery matches."
        : `Dry run: nothing was changed. Applying would do what is listed below.`
      : `Reprocessed ${summary.selected} ${summary.selected === 1 ? "delivery" : "deliveries"}.`;
    return { ok: true, message, summary, fields };
  } catch (error) {
    log.error({ err: error }, "reprocess: failed");
    return { ok: false, message: "Reprocessing failed; nothing of the failed batch was kept.", fields };
  }
}
