import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { getLastAuditVerification, listAuditEvents } from "@/lib/data/audit";
import { auditQueryParams, parseAuditQuery, type AuditListQuery } from "@/lib/schemas/audit-query";
import { hrefWith } from "@/lib/schemas/query-params";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { ActionForm } from "@/components/action-form";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { LocalTime } from "@/components/local-time";
import { Pagination } from "@/components/pagination";
import { QueryProblem } from "@/components/query-problem";
import { verifyAuditChainAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit trail" };

const href = (query: AuditListQuery, cursor: { after?: number; before?: number } = {}) => hrefWith("/audit", auditQueryParams(query, cursor));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("audit:read", "/audit");
  const timeZone = await getViewerTimeZone();
  const parsed = parseAuditQuery(await searchParams, timeZone);
  if (!parsed.ok) return <QueryProblem title="Audit trail" issues={parsed.issues} reset={{ href: "/audit", label: "Show every event" }} />;
  const query = parsed.query;
  const [page, verification] = await Promise.all([listAuditEvents(caller, query), getLastAuditVerification(caller)]);
  const paged = query.after !== undefined || query.before !== undefined;
  const filtered = auditQueryParams(query).size > 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Audit trail</h1>
        <a href={hrefWith("/audit/export", auditQueryParams(query))} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50" data-testid="audit-export">
          Export CSV
        </a>
      </div>
      <p className="max-w-prose text-sm text-slate-700">
        Who opened which consultation, printed or revealed what, signed in, and changed users, tokens or settings: identifiers and counts only,
        newest first. Each event is chained to the one before it by its hash, so an edited, deleted or inserted event is found by verification.
      </p>
      <section aria-labelledby="verification-heading" className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="audit-verification">
        <h2 id="verification-heading" className="font-semibold">
          Last verification
        </h2>
        {verification ? (
          <p className={verification.outcome === "intact" ? "text-emerald-900" : "font-semibold text-red-800"}>
            {verification.outcome === "intact" ? "Intact" : "Broken"} · <LocalTime utc={verification.at} timeZone={timeZone} /> · {verification.events} events
            {verification.firstBadSeq !== null ? ` · first bad event #${verification.firstBadSeq}` : ""} · {verification.message}
          </p>
        ) : (
          <p className="text-slate-700">The chain has not been verified yet.</p>
        )}
        <ActionForm action={verifyAuditChainAction} label="Verify the audit chain" className="ml-auto">
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
            Verify now
          </button>
        </ActionForm>
      </section>
      <AuditFilters key={href(query)} query={query} />
      {page.items.length > 0 ? (
        <>
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <AuditTable items={page.items} timeZone={timeZone} linkConsultations={caller.role === "admin"} />
          </div>
          <Pagination
            label="Audit pages"
            first={paged ? href(query) : null}
            prev={page.page.prev !== null ? href(query, { before: page.page.prev }) : null}
            next={page.page.next !== null ? href(query, { after: page.page.next }) : null}
          />
        </>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-results">
          {filtered || paged ? "No audit event matches these filters." : "Nothing has been recorded yet."}
        </div>
      )}
    </div>
  );
}
