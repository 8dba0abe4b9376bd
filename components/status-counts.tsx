import Link from "next/link";
import type { StatusCountsDto } from "@/lib/schemas/consultation";
import { statusFilters, statusStyles, type StatusFilter } from "@/lib/statuses";

const number = new Intl.NumberFormat("en");

/** Counts per status, each a link that filters the list by it. */
export function StatusCounts({ counts, active }: { counts: StatusCountsDto; active: StatusFilter[] }) {
  const only = active.length === 1 ? active[0] : undefined;
  return (
    <nav aria-label="Consultations by status">
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {statusFilters.map((status) => (
          <li key={status}>
            <Link
              href={`/consultations?status=${status}`}
              prefetch={false}
              aria-current={only === status ? "page" : undefined}
              className={`block rounded-lg border border-t-4 border-slate-200 bg-white px-3 py-2 hover:bg-slate-50 ${statusStyles[status].accent} ${only === status ? "ring-2 ring-slate-900" : ""}`}
              data-testid={`count-${status}`}
            >
              <span className="block text-xs text-slate-600">{statusStyles[status].label}</span>
              <span className="block text-xl font-semibold tabular-nums" data-count={counts[status]}>
                {number.format(counts[status])}
              </span>
            </Link>
          </li>
        ))}
        <li>
          <Link
            href="/consultations"
            prefetch={false}
            aria-current={active.length === 0 ? "page" : undefined}
            className={`block rounded-lg border border-t-4 border-slate-200 border-t-slate-900 bg-white px-3 py-2 hover:bg-slate-50 ${active.length === 0 ? "ring-2 ring-slate-900" : ""}`}
            data-testid="count-total"
          >
            <span className="block text-xs text-slate-600">All</span>
            <span className="block text-xl font-semibold tabular-nums" data-count={counts.total}>
              {number.format(counts.total)}
            </span>
          </Link>
        </li>
      </ul>
    </nav>
  );
}
