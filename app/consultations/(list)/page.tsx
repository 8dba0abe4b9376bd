import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { webhookAuthConfigured } from "@/lib/env";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { auditedListQuery, currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { getConsultationChanges } from "@/lib/data/consultation-changes";
import { listConsultations } from "@/lib/data/consultation-list";
import { findMemberSearchTarget } from "@/lib/data/members";
import { getStatusCounts } from "@/lib/data/status-counts";
import { getTaskCounts } from "@/lib/data/tasks";
import { decodeCursor } from "@/lib/keyset-cursor";
import { listQueryParams, parseListQuery } from "@/lib/schemas/consultation-query";
import { parseConsultationId } from "@/lib/schemas/ids";
import { memberHref, policyHref } from "@/lib/member-hrefs";
import { hrefWith } from "@/lib/schemas/query-params";
import { webhookUrlFrom } from "@/lib/http/webhook-url";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { ConsultationFilters } from "@/components/consultation-filters";
import { ConsultationTable } from "@/components/consultation-table";
import { LiveConsultations } from "@/components/live-refresh";
import { Pagination } from "@/components/pagination";
import { QueryProblem } from "@/components/query-problem";
import { SoftNavigation } from "@/components/soft-navigation";
import { StatusCounts } from "@/components/status-counts";
import { WebhookSetup } from "@/components/webhook-setup";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consultations"))("title") };
}

const webhookUrl = async () => webhookUrlFrom(await headers());

export default async function ConsultationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("consultations:read", "/consultations");
  const params = await searchParams;
  const t = await getTranslations("consultations");
  const parsed = parseListQuery(params);
  // Set by the erasure action's redirect (app/consultations/[id]/actions.ts): only a number is shown.
  const erased = typeof params.erased === "string" ? parseConsultationId(params.erased) : null;
  if (!parsed.ok) {
    return <QueryProblem title={t("title")} issues={parsed.issues} reset={{ href: "/consultations", label: t("showAll") }} />;
  }
  const query = parsed.query;
  // A search for one member's id, insurance id or policy number opens the member's page (a policy
  // several members share: its member list), when the search is the list's only filter.
  const searchOnly = query.statuses.length === 0 && query.fromMicros === undefined && query.toMicros === undefined && query.recommendation === undefined;
  if (query.search && searchOnly && !query.after && !query.before && hasPermission(caller.role, "members:read")) {
    const target = await findMemberSearchTarget(caller, query.search);
    if (target) {
      // The term is recorded as any search is (no rows were listed); the page it opens records what it shows.
      const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
        action: "consultations.listed",
        detail: { via: "page", query: auditedListQuery(listQueryParams(query)), rows: 0, opened: target.kind },
      });
      if (!recorded) return <AuditUnavailable what="consultationList" />;
      redirect(target.kind === "member" ? memberHref(target.userId) : policyHref(target.policyNumber));
    }
  }
  // The audit row (with the number of rows listed) is written as soon as the rows are read, while
  // the counts and the change cursor are still being read: not one more round trip after them all.
  const context = currentAuditContext();
  const listed = listConsultations(caller, query);
  const audited = listed.then(async (page) =>
    recordBeforeShowing(caller, await context, {
      action: "consultations.listed",
      detail: { via: "page", query: auditedListQuery(listQueryParams(query)), rows: page.items.length },
    }),
  );
  const [page, recorded, counts, taskCounts, changes, timeZone] = await Promise.all([
    listed,
    audited,
    getStatusCounts(caller),
    getTaskCounts(caller),
    getConsultationChanges(caller, null),
    getViewerTimeZone(),
  ]);
  if (!recorded) return <AuditUnavailable what="consultationList" />;
  const now = new Date();
  const href = (params: URLSearchParams) => hrefWith("/consultations", params);
  const filtered = listQueryParams(query).size > 0;
  const paged = query.after !== undefined || query.before !== undefined;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LiveConsultations initial={changes} />
      </div>
      {erased !== null ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-950" data-testid="erased-notice">
          {t("erased", { id: String(erased) })}
        </p>
      ) : null}
      <StatusCounts counts={counts} active={query.statuses} tasks={taskCounts} />
      <ConsultationFilters key={listQueryParams(query).toString()} query={query} timeZone={timeZone} />
      {hasPermission(caller.role, "export") ? (
        <p className="text-sm">
          {/* A download, not a page: every row of these filters and search (docs/api.md, "Export"). */}
          <a href={hrefWith("/api/consultations/export", listQueryParams(query))} download className="text-sky-800 underline" data-testid="export-csv">
            {t("exportCsv")}
          </a>
          <span className="text-slate-600">{t("exportNote")}</span>
        </p>
      ) : null}
      {page.items.length > 0 ? (
        <>
          <SoftNavigation className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <ConsultationTable items={page.items} timeZone={timeZone} now={now} />
          </SoftNavigation>
          <Pagination
            label={t("pages")}
            first={paged ? href(listQueryParams(query)) : null}
            prev={page.page.prev ? href(listQueryParams(query, { before: decodeCursor(page.page.prev)! })) : null}
            next={page.page.next ? href(listQueryParams(query, { after: decodeCursor(page.page.next)! })) : null}
          />
        </>
      ) : !filtered && !paged ? (
        <WebhookSetup webhookUrl={await webhookUrl()} authConfigured={webhookAuthConfigured} />
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-results">
          <p>{paged ? t("pageGone") : t("noMatch")}</p>
          <Link href={paged ? href(listQueryParams(query)) : "/consultations"} prefetch={false} className="mt-2 inline-block text-sky-800 underline">
            {paged ? t("backToFirst") : t("clearFilters")}
          </Link>
        </div>
      )}
    </div>
  );
}
