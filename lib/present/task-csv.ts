// The worklist export's columns (docs/worklist.md): one row per open task the filters match, in
// the worklist's order (due date, the overdue first), ids as text, times twice (UTC ISO 8601 and
// the viewer's zone). Titles and notes are written as sent; the formula rule (lib/csv.ts) is
// applied when the rows are written.
import type { TaskDto } from "../schemas/task";
import { csvCell } from "../csv";
import { formatIsoInZone } from "../time/format";

export const taskCsvColumns = [
  "task_id",
  "consultation_id",
  "consultation_status",
  "kind",
  "task",
  "state",
  "overdue",
  "due_utc",
  "due_local",
  "assignee",
  "notes",
  "created_utc",
  "updated_utc",
  "time_zone",
] as const;

/** One task as its CSV cells, in column order. */
export function taskCsvRecord(task: TaskDto, timeZone: string): string[] {
  return [
    csvCell(task.id),
    csvCell(task.consultationId),
    csvCell(task.consultationStatus),
    task.kind,
    task.title,
    task.state,
    task.overdue ? "yes" : "no",
    task.dueAt,
    formatIsoInZone(new Date(task.dueAt), timeZone),
    csvCell(task.assignee?.name),
    csvCell(task.notes),
    task.createdAt,
    task.updatedAt,
    timeZone,
  ];
}
