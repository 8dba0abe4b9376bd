"use server";
// The task actions, shared by /worklist and the consultation page: complete, dismiss (with a
// reason), reopen, assign (me, a coordinator, nobody), due date, notes. Anyone can call a
// server action, so the permission is checked here; lib/writes checks it again. Each change
// carries the version the coordinator saw; a stale one is refused (docs/worklist.md).

import { revalidatePath } from "next/cache";
import { currentAuditContext, recordAudit, recordAuditOrLog } from "@/lib/audit/record";
import { requireActionPermission } from "@/lib/auth/caller";
import { getTask } from "@/lib/data/tasks";
import { taskActionSchema, taskChangeLabels, type TaskDto } from "@/lib/schemas/task";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { changeTask } from "@/lib/writes/tasks";

export type TaskActionResult = { ok: boolean; message: string; conflict?: boolean; task?: TaskDto | null } | null;

export async function taskAction(_previous: TaskActionResult, form: FormData): Promise<TaskActionResult> {
  const guard = await requireActionPermission("tasks:manage");
  if (!guard.ok) return { ok: false, message: guard.message };
  const fields = Object.fromEntries([...form.entries()].filter(([name, value]) => !name.startsWith("$") && typeof value === "string"));
  const parsed = taskActionSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That change is not valid." };
  const input = parsed.data;
  const now = new Date();
  const before = await getTask(guard.caller, input.taskId, now);
  if (!before) return { ok: false, message: "That task no longer exists." };
  const context = await currentAuditContext();
  const event = { action: "task.changed", consultationId: before.consultationId, detail: { taskId: input.taskId, change: input.change } } as const;
  try {
    // Fail closed: the change is recorded before it is made; without the audit row nothing changes.
    await recordAudit(guard.caller, context, event);
  } catch (error) {
    console.error("audit: could not record task.changed; the task was not changed", error);
    return { ok: false, message: "The audit trail is unavailable, so nothing was changed. Try again in a moment." };
  }
  const outcome = await changeTask(guard.caller, input, { now, timeZone: await getViewerTimeZone() });
  revalidatePath("/worklist");
  revalidatePath(`/consultations/${before.consultationId}`);
  if (!outcome.ok) {
    // Recorded before it was tried: say that it did not happen (and why, when it was a conflict).
    const detail = outcome.reason === "conflict" ? { ...event.detail, conflict: true } : event.detail;
    await recordAuditOrLog(guard.caller, context, { ...event, outcome: "failed", detail });
    return { ok: false, message: outcome.message, conflict: outcome.reason === "conflict", task: await getTask(guard.caller, input.taskId, new Date()) };
  }
  return { ok: true, message: `${taskChangeLabels[input.change]}.`, task: await getTask(guard.caller, input.taskId, new Date()) };
}
