import { useLocale, useTranslations } from "next-intl";
import { integerFormat } from "@/lib/i18n/format-template";
import type { StatusCountsDto } from "@/lib/schemas/consultation";
import type { TaskCountsDto } from "@/lib/schemas/task";
import { statusFilters, statusStyles, type StatusFilter } from "@/lib/statuses";
import { SoftNavigation } from "./soft-navigation";

/**
 * Counts per status, each a link that filters the list by it; then the worklist's open and overdue
 * tasks, linking to it. Plain anchors, navigated in-app by one SoftNavigation.
 */
export function StatusCounts({ counts, active, tasks }: { counts: StatusCountsDto; active: StatusFilter[]; tasks?: TaskCountsDto }) {
  const t = useTranslations("consultations.counts");
  const statuses = useTranslations("status.labels");
  const number = integerFormat(useLocale());
  const only = active.length === 1 ? active[0] : undefined;
  return (
    <SoftNavigation as="nav" aria-label={t("nav")}>
      <ul className={`grid grid-cols-2 gap-2 sm:grid-cols-4 ${tasks ? "lg:grid-cols-8" : "lg:grid-cols-6"}`}>
        {statusFilters.map((status) => (
          <li key={status}>
            <a
              href={`/consultations?status=${status}`}
              aria-current={only === status ? "page" : undefined}
              className={`block rounded-lg border border-t-4 border-slate-200 bg-white px-3 py-2 hover:bg-slate-50 ${statusStyles[status].accent} ${only === status ? "ring-2 ring-slate-900" : ""}`}
              data-testid={`count-${status}`}
            >
              <span className="block text-xs text-slate-600">{statuses(status)}</span>
              <span className="block text-xl font-semibold tabular-nums" data-count={counts[status]}>
                {number.format(counts[status])}
              </span>
            </a>
          </li>
        ))}
        <li>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- navigated in-app by SoftNavigation above */}
          <a
            href="/consultations"
            aria-current={active.length === 0 ? "page" : undefined}
            className={`block rounded-lg border border-t-4 border-slate-200 border-t-slate-900 bg-white px-3 py-2 hover:bg-slate-50 ${active.length === 0 ? "ring-2 ring-slate-900" : ""}`}
            data-testid="count-total"
          >
            <span className="block text-xs text-slate-600">{t("all")}</span>
            <span className="block text-xl font-semibold tabular-nums" data-count={counts.total}>
              {number.format(counts.total)}
            </span>
          </a>
        </li>
        {tasks ? (
          <>
            <li>
              <a href="/worklist" className="block rounded-lg border border-t-4 border-slate-200 border-t-sky-700 bg-white px-3 py-2 hover:bg-slate-50" data-testid="count-open-tasks">
                <span className="block text-xs text-slate-600">{t("openTasks")}</span>
                <span className="block text-xl font-semibold tabular-nums" data-count={tasks.open}>
                  {number.format(tasks.open)}
                </span>
              </a>
            </li>
            <li>
              <a href="/worklist?due=overdue" className="block rounded-lg border border-t-4 border-slate-200 border-t-red-700 bg-white px-3 py-2 hover:bg-slate-50" data-testid="count-overdue-tasks">
                <span className="block text-xs text-slate-600">{t("overdue")}</span>
                <span className="block text-xl font-semibold tabular-nums" data-count={tasks.overdue}>
                  {number.format(tasks.overdue)}
                </span>
              </a>
            </li>
          </>
        ) : null}
      </ul>
    </SoftNavigation>
  );
}
