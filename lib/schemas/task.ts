// The worklist's shapes: the URL query of /worklist and GET /api/tasks/export (one parser for
// both), what each task action accepts, and the task DTO the pages render.
import { z } from "zod";
import { decodeCursor } from "../keyset-cursor";
import { statusFilters, type StatusFilter } from "../statuses";
import { parseQueryWith, single, type ParsedQuery, type SearchParamsInput } from "./query-params";
import { maxDismissReasonLength, maxNotesLength } from "./task-limits";

export const taskKindValues = ["follow_up", "referral"] as const;
export type TaskKindValue = (typeof taskKindValues)[number];
export const taskStates = ["open", "done", "dismissed"] as const;
export type TaskState = (typeof taskStates)[number];


/** Due-date filters: before now, from now to 7 days ahead, later than that. */
export const dueFilters = ["overdue", "week", "later"] as const;
export type DueFilter = (typeof dueFilters)[number];

export { maxDismissReasonLength, maxNotesLength };
/** As the consultation list: 25 tasks fill a screen, and every one costs render time on each live refresh. */
export const worklistPageSize = 25;

// `assignee`: mine, unassigned, or a user id (better-auth's ids: letters, digits, - and _).
const assignee = z.string().regex(/^(mine|unassigned|[A-Za-z0-9_-]{1,64})$/, { error: "must be mine, unassigned or a user id" });
const cursor = z.string().refine((value) => decodeCursor(value) !== null, { error: "is not a cursor from this page" });

const worklistQuerySchema = z.object({
  kind: single(z.enum(taskKindValues, { error: `must be ${taskKindValues.join(" or ")}` })),
  assignee: single(assignee),
  due: single(z.enum(dueFilters, { error: `must be one of ${dueFilters.join(", ")}` })),
  status: single(z.enum(statusFilters, { error: `must be one of ${statusFilters.join(", ")}` })),
  after: single(cursor),
});

export type WorklistQuery = {
  kind?: TaskKindValue;
  assignee?: string;
  due?: DueFilter;
  status?: StatusFilter;
  after?: string;
};

export const parseWorklistQuery = (input: SearchParamsInput): ParsedQuery<WorklistQuery> => parseQueryWith(worklistQuerySchema, input);

/** The query back as URL parameters (without the cursor unless asked). */
export function worklistParams(query: WorklistQuery, { withCursor = false } = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["kind", "assignee", "due", "status"] as const) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  if (withCursor && query.after) params.set("after", query.after);
  return params;
}

// ─── Actions ──────────────────────────────────────────────────────────────────────────────

const id = z.coerce.number({ error: "is not a task" }).int().min(1).max(2_147_483_647);
const version = z.coerce.number({ error: "is missing" }).int().min(1).max(2_147_483_647);
// Plain text: control characters other than tab and newlines are dropped, NUL too (PostgreSQL refuses it).
const plainText = (max: number) =>
  z
    .string()
    .transform((text) => text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ""))
    .pipe(z.string().max(max, { error: `must be at most ${max} characters` }));

const base = { taskId: id, version };

export const taskActionSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("complete"), ...base }),
  z.object({ change: z.literal("reopen"), ...base }),
  z.object({
    change: z.literal("dismiss"),
    ...base,
    reason: plainText(maxDismissReasonLength).pipe(z.string().trim().min(1, { error: "Give a reason for dismissing the task." })),
  }),
  // "me", "nobody", or a coordinator's user id.
  z.object({ change: z.literal("assign"), ...base, assignee: z.string().regex(/^(me|nobody|[A-Za-z0-9_-]{1,64})$/, { error: "is not someone to assign" }) }),
  z.object({
    change: z.literal("due"),
    ...base,
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter a due date (YYYY-MM-DD)." }).refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && text >= "2000-01-01" && text <= "2999-12-31";
    }, { error: "That is not a calendar date." }),
  }),
  z.object({ change: z.literal("notes"), ...base, notes: plainText(maxNotesLength) }),
]);

export type TaskActionInput = z.infer<typeof taskActionSchema>;
export type TaskChange = TaskActionInput["change"];

// ─── What the pages show ─────────────────────────────────────────────────────────────────

export type TaskDto = {
  id: number;
  consultationId: number;
  kind: TaskKindValue;
  title: string;
  state: TaskState;
  dismissReason: string | null;
  withdrawnAt: string | null;
  assignee: { id: string; name: string } | null;
  dueAt: string;
  overdue: boolean;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  /** The consultation's current status (for the worklist's column). */
  consultationStatus: string | null;
};

export type TaskCountsDto = { open: number; overdue: number };
