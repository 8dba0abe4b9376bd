import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { auditedListQuery, currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { getTaskChanges, getTaskCounts, listAssignableUsers, listWorklist } from "@/lib/data/tasks";
import { hrefWith } from "@/lib/schemas/query-params";
import { parseWorklistQuery, worklistParams } from "@/lib/schemas/task";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { LiveTasks } from "@/components/live-refresh";
import { Pagination } from "@/components/pagination";
import { QueryProblem } from "@/components/query-problem";
import { TaskBoard } from "@/components/task-board";
import { WorklistFilters } from "@/components/worklist-filters";
import { taskAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Worklist" };

const number = new Intl.NumberFormat("en");

export default async function WorklistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("consultations:read", "/worklist");
  const parsed = parseWorklistQuery(await searchParams);
  if (!parsed.ok) return <QueryProblem title="Worklist" issues={parsed.issues} reset={{ href: "/worklist", label: "Show the whole worklist" }} />;
  const query = parsed.query;
  const now = new Date();
  const [page, counts, changes, assignable, timeZone] = await Promise.all([
    listWorklist(caller, query, now),
    getTaskCounts(caller),
    getTaskChanges(caller, null),
    listAssignableUsers(caller),
    getViewerTimeZone(),
  ]);
  const params = worklistParams(query);
  const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
    action: "tasks.listed",
    detail: { query: auditedListQuery(params), rows: page.items.length },
  });
  if (!recorded) return <AuditUnavailable what="the worklist" />;
  const mayManage = hasPermission(caller.role, "tasks:manage");
  const filtered = params.size > 0;
  const nextParams = new URLSearchParams(params);
  if (page.next) nextParams.set("after", page.next);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Worklist</h1>
        <LiveTasks initial={changes} />
      </div>
      <p className="text-sm text-slate-700" data-testid="task-counts">
        <span className="font-semibold tabular-nums">{number.format(counts.open)}</span> open tasks,{" "}
        <Link href="/worklist?due=overdue" prefetch={false} className="text-red-800 underline">
          <span className="font-semibold tabular-nums">{number.format(counts.overdue)}</span> overdue
        </Link>
        . Follow-up items and referrals of each consultation&apos;s current recommendation, the overdue first.
      </p>
      <WorklistFilters key={params.toString()} query={query} assignable={assignable} meId={caller.userId} />
      {hasPermission(caller.role, "export") ? (
        <p className="text-sm">
          <a href={hrefWith("/api/tasks/export", params)} download className="text-sky-800 underline" data-testid="export-csv">
            Export CSV
          </a>
          <span className="text-slate-600"> — every open task these filters match, not only this page</span>
        </p>
      ) : null}
      <TaskBoard
        tasks={page.items}
        timeZone={timeZone}
        meId={caller.userId}
        assignable={assignable}
        action={mayManage ? taskAction : null}
        showConsultation
        label="Open tasks"
        empty={
          <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-results">
            <p>{query.after ? "There is no task on this page any more." : filtered ? "No open task matches these filters." : "No open task: nothing to follow up."}</p>
            {filtered || query.after ? (
              <Link href="/worklist" prefetch={false} className="mt-2 inline-block text-sky-800 underline">
                {query.after ? "Back to the first page" : "Clear the filters"}
              </Link>
            ) : null}
          </div>
        }
      />
      <Pagination label="Worklist pages" first={query.after ? hrefWith("/worklist", params) : null} prev={null} next={page.next ? hrefWith("/worklist", nextParams) : null} />
    </div>
  );
}
