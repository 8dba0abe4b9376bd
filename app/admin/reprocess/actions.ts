"use server";
// /admin/reprocess: dry run, then apply, a reprocessing of stored deliveries (permission replay).

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { localizeMessage } from "@/lib/i18n/server-messages";
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
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("adminReprocess");
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
    const message = dryRun ? (summary.selected === 0 ? t("noMatch") : t("dryRunDone")) : t("reprocessed", { count: summary.selected });
    return { ok: true, message, summary, fields };
  } catch (error) {
    log.error({ err: error }, "reprocess: failed");
    return { ok: false, message: t("failed"), fields };
  }
}
