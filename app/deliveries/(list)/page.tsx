import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { getDeliveryChanges, listDeliveries } from "@/lib/data/deliveries";
import { deliveryQueryParams, parseDeliveryQuery, type DeliveryListQuery } from "@/lib/schemas/delivery";
import { hrefWith } from "@/lib/schemas/query-params";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { DeliveriesTable } from "@/components/deliveries-table";
import { DeliveryFilters } from "@/components/delivery-filters";
import { LiveDeliveries } from "@/components/live-refresh";
import { Pagination } from "@/components/pagination";
import { QueryProblem } from "@/components/query-problem";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries"))("title") };
}

const href = (query: DeliveryListQuery, cursor: { after?: number; before?: number } = {}) => hrefWith("/deliveries", deliveryQueryParams(query, cursor));

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("deliveries:read", "/deliveries");
  const parsed = parseDeliveryQuery(await searchParams);
  const t = await getTranslations("deliveries");
  if (!parsed.ok) {
    return <QueryProblem title={t("title")} issues={parsed.issues} reset={{ href: "/deliveries", label: t("showAll") }} />;
  }
  const query = parsed.query;
  const [page, changes, timeZone] = await Promise.all([listDeliveries(caller, query), getDeliveryChanges(caller), getViewerTimeZone()]);
  const paged = query.after !== undefined || query.before !== undefined;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LiveDeliveries initial={changes} />
      </div>
      <p className="max-w-prose text-sm text-slate-700">
        {t.rich("intro", {
          code: (chunks) => (
            <code className="font-mono" dir="ltr">
              {chunks}
            </code>
          ),
        })}
        {hasPermission(caller.role, "replay") ? (
          <>
            {" "}
            {t.rich("reprocess", {
              link: (chunks) => (
                <Link href="/admin/reprocess" prefetch={false} className="text-sky-800 underline">
                  {chunks}
                </Link>
              ),
            })}
          </>
        ) : null}
      </p>
      <DeliveryFilters key={href(query)} query={query} />
      {page.items.length > 0 ? (
        <>
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <DeliveriesTable items={page.items} timeZone={timeZone} now={new Date()} />
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
          {query.outcome || query.type || paged ? t("noMatch") : t("empty")}
        </div>
      )}
    </div>
  );
}
