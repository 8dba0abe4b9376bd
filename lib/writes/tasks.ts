// What a coordinator does to a task (complete, dismiss, reopen, assign, due date, notes), with
// optimistic concurrency: each change is one UPDATE … WHERE id = ? AND version = ? that also
// bumps the version. When it changes no row, someone else changed the task since the caller
// read it: nothing is overwritten, and the caller gets the task as it is now (docs/worklist.md).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { writeTransaction, type Prisma } from "../db";
import type { TaskActionInput, TaskState } from "../schemas/task";
import { startOfDayInZone } from "../time/format";

export type TaskChangeOutcome =
  | { ok: true; taskId: number; consultationId: number }
  | {
      ok: false;
      reason: "conflict" | "not_found" | "invalid";
      /** Which invalid change (for the page to word it in the reader's language); `state`: the task's. */
      problem?: { kind: "wrong_state"; state: TaskState } | { kind: "token" } | { kind: "not_assignable" };
      message: string;
      consultationId: number | null;
    };

const dayMs = 86_400_000;

/** The end of `day` (YYYY-MM-DD) in `timeZone`: a task due that day is overdue only once the day is over there. */
export function endOfDay(day: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  return new Date(startOfDayInZone(next, timeZone).getTime() - 1);
}

const allowedFrom: Partial<Record<TaskActionInput["change"], TaskState[]>> = {
  complete: ["open"],
  dismiss: ["open"],
  reopen: ["done", "dismissed"],
};

/** Applies one change to one task, only if it is still at `input.version`. */
export async function changeTask(caller: Caller, input: TaskActionInput, { now = new Date(), timeZone = "UTC" } = {}): Promise<TaskChangeOutcome> {
  assertPermission(caller, "tasks:manage");
  const userId = caller.kind === "user" ? caller.userId : null;
  return writeTransaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { id: input.taskId }, select: { id: true, consultationId: true, state: true, version: true } });
    if (!task) return { ok: false, reason: "not_found", message: "That task no longer exists.", consultationId: null };
    const consultationId = Number(task.consultationId);
    const conflict = { ok: false, reason: "conflict", message: "Someone else changed this task: here is its current state. Nothing was overwritten.", consultationId } as const;
    if (task.version !== input.version) return conflict;
    const from = allowedFrom[input.change];
    if (from && !from.includes(task.state as TaskState)) {
      return { ok: false, reason: "invalid", problem: { kind: "wrong_state", state: task.state as TaskState }, message: `A task that is ${task.state} cannot be ${input.change === "reopen" ? "reopened" : input.change === "complete" ? "completed" : "dismissed"}.`, consultationId };
    }

    let data: Prisma.TaskUncheckedUpdateManyInput;
    switch (input.change) {
      case "complete":
        data = { state: "done", closedAt: now, closedById: userId, dismissReason: null };
        break;
      case "dismiss":
        data = { state: "dismissed", closedAt: now, closedById: userId, dismissReason: input.reason };
        break;
      case "reopen":
        data = { state: "open", closedAt: null, closedById: null, dismissReason: null };
        break;
      case "assign": {
        let assigneeId: string | null;
        if (input.assignee === "nobody") assigneeId = null;
        else if (input.assignee === "me") {
          if (userId === null) return { ok: false, reason: "invalid", problem: { kind: "token" }, message: "An API token cannot take a task.", consultationId };
          assigneeId = userId;
        } else {
          const user = await tx.user.findUnique({ where: { id: input.assignee }, select: { role: true, banned: true } });
          if (!user || user.banned || (user.role !== "coordinator" && user.role !== "admin")) {
            return { ok: false, reason: "invalid", problem: { kind: "not_assignable" }, message: "Tasks can be assigned to coordinators (and admins) only.", consultationId };
          }
          assigneeId = input.assignee;
        }
        data = { assignee: undefined, assigneeId } as Prisma.TaskUncheckedUpdateManyInput;
        break;
      }
      case "due":
        data = { dueAt: endOfDay(input.due, timeZone) };
        break;
      case "notes":
        data = { notes: input.notes.trim() === "" ? null : input.notes };
        break;
    }
    const changed = await tx.task.updateMany({
      where: { id: input.taskId, version: input.version },
      data: { ...data, version: { increment: 1 }, updatedAt: now },
    });
    if (changed.count === 0) return conflict;
    return { ok: true, taskId: input.taskId, consultationId };
  });
}
