import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { getLastAuditVerification, listAuditEvents } from "@/lib/data/audit";
import { auditQueryParams, parseAuditQuery, type AuditListQuery } from "@/lib/schemas/audit-query";
import { hrefWith } from "@/lib/schemas/query-params";
import { verificationMessageKey } from "@/lib/i18n/verification-message";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { ActionForm } from "@/components/action-form";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { LocalTime } from "@/components/local-time";
import { Pagination } from "@/components/pagination";
import { QueryProblem } from "@/components/query-problem";
import { verifyAuditChainAction } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const href = (query: AuditListQuery, cursor: { after?: number; before?: number } = {}) => hrefWith("/audit", auditQueryParams(query, cursor));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("audit:read", "/audit");
  const timeZone = await getViewerTimeZone();
  const parsed = parseAuditQuery(await searchParams, timeZone);
  const t = await getTranslations("audit");
  if (!parsed.ok) return <QueryProblem title={t("title")} issues={parsed.issues} reset={{ href: "/audit", label: t("showAll") }} />;
  const query = parsed.query;
  const [page, verification] = await Promise.all([listAuditEvents(caller, query), getLastAuditVerification(caller)]);
  const paged = query.after !== undefined || query.before !== undefined;
  const filtered = auditQueryParams(query).size > 0;
  const stored = verification?.message ? verificationMessageKey(verification.message) : null;
  const verificationText = stored ? t(`verification.${stored.key}`, stored.values) : (verification?.message ?? "");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <a href={hrefWith("/audit/export", auditQueryParams(query))} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50" data-testid="audit-export">
          {t("export")}
        </a>
      </div>
      <p className="max-w-prose text-sm text-slate-700">
        {t("intro")}
      </p>
      <section aria-labelledby="verification-heading" className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="audit-verification">
        <h2 id="verification-heading" className="font-semibold">
          {t("lastVerification")}
        </h2>
        {verification ? (
          <p className={verification.outcome === "intact" ? "text-emerald-900" : "font-semibold text-red-800"}>
            {verification.outcome === "intact" ? t("intact") : t("broken")} · <LocalTime utc={verification.at} timeZone={timeZone} /> · {t("events", { count: verification.events })}
            {verification.firstBadSeq !== null ? ` · ${t("firstBad", { seq: String(verification.firstBadSeq) })}` : ""} · {verificationText}
          </p>
        ) : (
          <p className="text-slate-700">{t("notVerified")}</p>
        )}
        <ActionForm action={verifyAuditChainAction} label={t("verifyForm")} className="ms-auto">
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
            {t("verifyNow")}
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
            label={t("pages")}
            first={paged ? href(query) : null}
            prev={page.page.prev !== null ? href(query, { before: page.page.prev }) : null}
            next={page.page.next !== null ? href(query, { after: page.page.next }) : null}
          />
        </>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-results">
          {filtered || paged ? t("noMatch") : t("empty")}
        </div>
      )}
    </div>
  );
}
