import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tasks.worklist"))("title") };
}

export default async function WorklistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("consultations:read", "/worklist");
  const parsed = parseWorklistQuery(await searchParams);
  const t = await getTranslations("tasks.worklist");
  if (!parsed.ok) return <QueryProblem title={t("title")} issues={parsed.issues} reset={{ href: "/worklist", label: t("showAll") }} />;
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
  if (!recorded) return <AuditUnavailable what="worklist" />;
  const mayManage = hasPermission(caller.role, "tasks:manage");
  const filtered = params.size > 0;
  const nextParams = new URLSearchParams(params);
  if (page.next) nextParams.set("after", page.next);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LiveTasks initial={changes} />
      </div>
      <p className="text-sm text-slate-700" data-testid="task-counts">
        <span className="font-semibold tabular-nums">{t("openCount", { count: counts.open })}</span>
        {" · "}
        <Link href="/worklist?due=overdue" prefetch={false} className="font-semibold text-red-800 tabular-nums underline">
          {t("overdueCount", { count: counts.overdue })}
        </Link>
        {" · "}
        {t("intro")}
      </p>
      <WorklistFilters key={params.toString()} query={query} assignable={assignable} meId={caller.userId} />
      {hasPermission(caller.role, "export") ? (
        <p className="text-sm">
          <a href={hrefWith("/api/tasks/export", params)} download className="text-sky-800 underline" data-testid="export-csv">
            {t("export")}
          </a>
          <span className="text-slate-600"> — {t("exportHint")}</span>
        </p>
      ) : null}
      <TaskBoard
        tasks={page.items}
        timeZone={timeZone}
        meId={caller.userId}
        assignable={assignable}
        action={mayManage ? taskAction : null}
        showConsultation
        label={t("openTasks")}
        empty={
          <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-results">
            <p>{query.after ? t("noPage") : filtered ? t("noMatch") : t("empty")}</p>
            {filtered || query.after ? (
              <Link href="/worklist" prefetch={false} className="mt-2 inline-block text-sky-800 underline">
                {query.after ? t("firstPage") : t("clearFilters")}
              </Link>
            ) : null}
          </div>
        }
      />
      <Pagination label={t("pages")} first={query.after ? hrefWith("/worklist", params) : null} prev={null} next={page.next ? hrefWith("/worklist", nextParams) : null} />
    </div>
  );
}
