"use client";
// The task list's interactive part (components/task-board.tsx sends it its messages). Tasks and what a coordinator does to them (the worklist, a consultation's page): mark done,
// dismiss with a reason, reopen, assign, change the due date, edit the notes. One answer area for
// the whole list, above it: after a change the page re-renders on the server (a done task leaves
// the worklist), and the answer, with the task's state when someone else changed it first, stays.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { formatText } from "@/lib/i18n/format-template";
import { formatIsoInZone } from "@/lib/time/format";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";
import type { TaskDto } from "@/lib/schemas/task";
import { maxDismissReasonLength, maxNotesLength } from "@/lib/schemas/task-limits";

export type TaskActionState = { ok: boolean; message: string; conflict?: boolean; task?: TaskDto | null } | null;
export type TaskAction = (previous: TaskActionState, form: FormData) => Promise<TaskActionState>;
export type Assignable = { id: string; name: string };

type Props = {
  tasks: TaskDto[];
  timeZone: string;
  /** The signed-in coordinator (for "Assign to me"). */
  meId: string;
  assignable: Assignable[];
  /** null: the viewer may not change tasks (read only). */
  action: TaskAction | null;
  /** The worklist: each task links to its consultation and shows its status. */
  showConsultation?: boolean;
  label: string;
  /** Shown instead of the list when there is no task (the answer area stays: a task just closed may have left it). */
  empty?: React.ReactNode;
};

const button = "rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-900 hover:bg-slate-100 disabled:opacity-60";
const primary = "rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60";
const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";

function Hidden({ task, change }: { task: TaskDto; change: string }) {
  return (
    <>
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <input type="hidden" name="change" value={change} />
    </>
  );
}

function StateBadges({ task }: { task: TaskDto }) {
  const t = useTranslations("tasks");
  const tone = task.state === "open" ? "bg-sky-100 text-sky-900" : task.state === "done" ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800";
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`} data-testid="task-state">
        {t(`states.${task.state}`)}
      </span>
      {task.withdrawnAt ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950">{t("withdrawn")}</span> : null}
      {task.overdue ? (
        <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900" data-testid="task-overdue">
          {t("overdue")}
        </span>
      ) : null}
    </span>
  );
}

/** The task's state in words: what a coordinator needs after a conflict. */
function TaskSummary({ task, timeZone }: { task: TaskDto; timeZone: string }) {
  const t = useTranslations("tasks.summary");
  const states = useTranslations("tasks.states");
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="task-current-state">
      <dt className="text-slate-600">{t("task")}</dt>
      <dd dir="auto">{task.title}</dd>
      <dt className="text-slate-600">{t("state")}</dt>
      <dd>
        {states(task.state)}
        {task.closedBy ? (
          <>
            {" "}
            <bdi>{formatText(t, "closedBy", { name: task.closedBy })}</bdi>
          </>
        ) : null}
        {task.dismissReason ? (
          <>
            {" ("}
            <bdi>{task.dismissReason}</bdi>
            {")"}
          </>
        ) : null}
        {task.withdrawnAt ? t("withdrawn") : null}
      </dd>
      <dt className="text-slate-600">{t("assignee")}</dt>
      <dd dir="auto">{task.assignee?.name ?? t("nobody")}</dd>
      <dt className="text-slate-600">{t("due")}</dt>
      <dd>
        <LocalTime utc={task.dueAt} timeZone={timeZone} />
      </dd>
      <dt className="text-slate-600">{t("notes")}</dt>
      <dd className="whitespace-pre-wrap" dir="auto">
        {task.notes ?? t("none")}
      </dd>
    </dl>
  );
}

function TaskActions({ task, meId, assignable, timeZone, formAction, pending }: { task: TaskDto; meId: string; assignable: Assignable[]; timeZone: string; formAction: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations("tasks.actions");
  const row = useTranslations("tasks.row");
  const idBase = `task-${task.id}`;
  // The rarer actions render only once opened: a page of tasks stays light to render and to send.
  const [more, setMore] = useState(false);
  // The due day as the viewer's calendar shows it (a date set here means the end of that day there).
  const dueDay = formatIsoInZone(new Date(task.dueAt), timeZone).slice(0, 10);
  if (task.state !== "open") {
    return (
      <form action={formAction} aria-label={formatText(t, "reopenLabel", { title: task.title })}>
        <Hidden task={task} change="reopen" />
        <button type="submit" className={button} disabled={pending}>
          {t("reopen")}
        </button>
      </form>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={formAction} aria-label={formatText(t, "markDoneLabel", { title: task.title })}>
          <Hidden task={task} change="complete" />
          <button type="submit" className={primary} disabled={pending} data-testid="task-complete">
            {t("markDone")}
          </button>
        </form>
        {task.assignee?.id !== meId ? (
          <form action={formAction} aria-label={formatText(t, "assignToMeLabel", { title: task.title })}>
            <Hidden task={task} change="assign" />
            <input type="hidden" name="assignee" value="me" />
            <button type="submit" className={button} disabled={pending}>
              {t("assignToMe")}
            </button>
          </form>
        ) : null}
      </div>
      <details className="text-sm" onToggle={(event) => setMore(event.currentTarget.open)}>
        <summary className="cursor-pointer text-sky-800 underline-offset-2 hover:underline">{t("more")}</summary>
        {more ? (
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={formatText(t, "assignLabel", { title: task.title })}>
              <Hidden task={task} change="assign" />
              <label className="flex flex-col gap-1" htmlFor={`${idBase}-assignee`}>
                <span className="font-medium text-slate-700">{t("assignee")}</span>
                <select id={`${idBase}-assignee`} name="assignee" defaultValue={task.assignee?.id ?? "nobody"} className={input}>
                  <option value="nobody">{t("nobody")}</option>
                  {assignable.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.id === meId ? row("me", { name: user.name }) : user.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className={button} disabled={pending}>
                {t("assign")}
              </button>
            </form>
            <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={formatText(t, "dueLabel", { title: task.title })}>
              <Hidden task={task} change="due" />
              <label className="flex flex-col gap-1" htmlFor={`${idBase}-due`}>
                <span className="font-medium text-slate-700">{t("dueDate")}</span>
                <input id={`${idBase}-due`} type="date" name="due" required defaultValue={dueDay} className={input} />
              </label>
              <button type="submit" className={button} disabled={pending}>
                {t("setDue")}
              </button>
            </form>
            <form action={formAction} className="flex flex-col gap-1 sm:col-span-2" aria-label={formatText(t, "notesLabel", { title: task.title })}>
              <Hidden task={task} change="notes" />
              <label className="font-medium text-slate-700" htmlFor={`${idBase}-notes`}>
                {t("notes")} <span className="font-normal text-slate-600">{t("notesHint", { max: maxNotesLength })}</span>
              </label>
              <textarea id={`${idBase}-notes`} name="notes" rows={2} maxLength={maxNotesLength} defaultValue={task.notes ?? ""} className={input} dir="auto" />
              <button type="submit" className={`${button} self-start`} disabled={pending}>
                {t("saveNotes")}
              </button>
            </form>
            <form action={formAction} className="flex flex-col gap-1 sm:col-span-2" aria-label={formatText(t, "dismissLabel", { title: task.title })}>
              <Hidden task={task} change="dismiss" />
              <label className="font-medium text-slate-700" htmlFor={`${idBase}-reason`}>
                {t("reason")}
              </label>
              <input id={`${idBase}-reason`} name="reason" required maxLength={maxDismissReasonLength} className={input} dir="auto" />
              <button type="submit" className={`${button} self-start`} disabled={pending}>
                {t("dismiss")}
              </button>
            </form>
          </div>
        ) : null}
      </details>
    </div>
  );
}

export function TaskBoardClient({ tasks, timeZone, meId, assignable, action, showConsultation = false, label, empty = null }: Props) {
  const t = useTranslations("tasks");
  // A client function around the server action, not the action itself: given a server action,
  // useActionState binds the previous state into each form for a post without JavaScript, and
  // bound arguments are encoded asynchronously, so server rendering suspended on every form and
  // streamed each as a segment of its own. The forms need JavaScript, as the live page does.
  const [state, formAction, pending] = useActionState<TaskActionState, FormData>(async (previous, form) => (action ? action(previous, form) : null), null);
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {state ? (
          <div
            role={state.ok ? "status" : "alert"}
            className={`rounded-md border p-3 text-sm ${state.ok ? "border-emerald-200 bg-emerald-50 text-emerald-950" : "border-red-200 bg-red-50 text-red-900"}`}
            data-testid="task-message"
          >
            <p className="font-medium">{state.message}</p>
            {state.conflict && state.task ? <TaskSummary task={state.task} timeZone={timeZone} /> : null}
          </div>
        ) : null}
      </div>
      {tasks.length === 0 ? empty : null}
      <ul className={tasks.length === 0 ? "hidden" : "space-y-3"} aria-label={label}>
        {tasks.map((task) => (
          <li key={task.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="task" data-task-id={task.id}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800">{t(`kinds.${task.kind}`)}</span>
                  <span className="font-medium break-words text-slate-900" dir="auto" data-testid="task-title">
                    {task.title}
                  </span>
                  <StateBadges task={task} />
                </p>
                <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
                  {showConsultation ? (
                    <span className="inline-flex items-center gap-2">
                      <Link href={`/consultations/${task.consultationId}`} prefetch={false} className="text-sky-800 underline">
                        {formatText(t, "row.consultation", { id: String(task.consultationId) })}
                      </Link>
                      <StatusBadge status={task.consultationStatus} />
                    </span>
                  ) : null}
                  <span>
                    {t("row.due")} <LocalTime utc={task.dueAt} timeZone={timeZone} />
                  </span>
                  <span>
                    {t("row.assignee")}{" "}
                    <bdi>{task.assignee ? (task.assignee.id === meId ? formatText(t, "row.me", { name: task.assignee.name }) : task.assignee.name) : t("row.unassigned")}</bdi>
                  </span>
                  {task.state !== "open" && task.closedAt ? (
                    <span>
                      {t(`states.${task.state}`)} {task.closedBy ? <bdi>{formatText(t, "row.closedBy", { name: task.closedBy })}</bdi> : null} <LocalTime utc={task.closedAt} timeZone={timeZone} />
                      {task.dismissReason ? <span dir="auto"> — {task.dismissReason}</span> : null}
                    </span>
                  ) : null}
                </p>
                {task.notes ? (
                  <p className="text-sm whitespace-pre-wrap text-slate-800" dir="auto" data-testid="task-notes">
                    {task.notes}
                  </p>
                ) : null}
              </div>
              {action ? (
                <div className="w-full sm:w-auto sm:max-w-md">
                  <TaskActions task={task} meId={meId} assignable={assignable} timeZone={timeZone} formAction={formAction} pending={pending} />
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
