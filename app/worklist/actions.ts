"use server";
// The task actions, shared by /worklist and the consultation page: complete, dismiss (with a
// reason), reopen, assign (me, a coordinator, nobody), due date, notes. Anyone can call a
// server action, so the permission is checked here; lib/writes checks it again. Each change
// carries the version the coordinator saw; a stale one is refused (docs/worklist.md).

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { currentAuditContext, recordAudit, recordAuditOrLog } from "@/lib/audit/record";
import { requireActionPermission } from "@/lib/auth/caller";
import { getTask } from "@/lib/data/tasks";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { maxDismissReasonLength, maxNotesLength, taskActionSchema, type TaskDto } from "@/lib/schemas/task";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { changeTask, type TaskChangeOutcome } from "@/lib/writes/tasks";

type Words = Awaited<ReturnType<typeof getTranslations<"tasks.problems">>>;

/** Why a change was refused, in the reader's language. */
function refusal(t: Words, outcome: Extract<TaskChangeOutcome, { ok: false }>): string {
  if (outcome.reason === "conflict") return t("conflict");
  if (outcome.reason === "not_found") return t("notFound");
  switch (outcome.problem?.kind) {
    case "wrong_state":
      return t("wrongState", { state: outcome.problem.state });
    case "token":
      return t("token");
    case "not_assignable":
      return t("notAssignable");
    default:
      return t("invalid");
  }
}

/** A refused form, by the field at fault (the schema's messages are English). */
function invalidField(t: Words, field: PropertyKey | undefined): string {
  if (field === "notes") return t("notes", { max: maxNotesLength });
  if (field === "reason") return t("reason", { max: maxDismissReasonLength });
  if (field === "due") return t("due");
  return t("invalid");
}

export type TaskActionResult = { ok: boolean; message: string; conflict?: boolean; task?: TaskDto | null } | null;

export async function taskAction(_previous: TaskActionResult, form: FormData): Promise<TaskActionResult> {
  const guard = await requireActionPermission("tasks:manage");
  if (!guard.ok) return { ok: false, message: await localizeMessage(guard.message) };
  const t = await getTranslations("tasks.problems");
  const fields = Object.fromEntries([...form.entries()].filter(([name, value]) => !name.startsWith("$") && typeof value === "string"));
  const parsed = taskActionSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, message: invalidField(t, parsed.error.issues[0]?.path[0]) };
  const input = parsed.data;
  const now = new Date();
  const before = await getTask(guard.caller, input.taskId, now);
  if (!before) return { ok: false, message: t("notFound") };
  const context = await currentAuditContext();
  const event = { action: "task.changed", consultationId: before.consultationId, detail: { taskId: input.taskId, change: input.change } } as const;
  try {
    // Fail closed: the change is recorded before it is made; without the audit row nothing changes.
    await recordAudit(guard.caller, context, event);
  } catch (error) {
    console.error("audit: could not record task.changed; the task was not changed", error);
    return { ok: false, message: t("auditUnavailable") };
  }
  const outcome = await changeTask(guard.caller, input, { now, timeZone: await getViewerTimeZone() });
  revalidatePath("/worklist");
  revalidatePath(`/consultations/${before.consultationId}`);
  if (!outcome.ok) {
    // Recorded before it was tried: say that it did not happen (and why, when it was a conflict).
    const detail = outcome.reason === "conflict" ? { ...event.detail, conflict: true } : event.detail;
    await recordAuditOrLog(guard.caller, context, { ...event, outcome: "failed", detail });
    return { ok: false, message: refusal(t, outcome), conflict: outcome.reason === "conflict", task: await getTask(guard.caller, input.taskId, new Date()) };
  }
  const changed = await getTranslations("tasks.changed");
  return { ok: true, message: changed(input.change), task: await getTask(guard.caller, input.taskId, new Date()) };
}
