import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/caller";
import { getDeliveryChanges, listDeliveries } from "@/lib/data/deliveries";
import { deliveryOutcomes, deliveryTypeFilters, parseDeliveryQuery, type DeliveryListQuery } from "@/lib/schemas/delivery";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { DeliveriesTable } from "@/components/deliveries-table";
import { LiveDeliveries } from "@/components/live-refresh";
import { Pagination } from "@/components/pagination";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook deliveries" };

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const typeLabels: Record<string, string> = { status_update: "status_update", recommendation_data: "recommendation_data", other: "other or missing" };

function href(query: DeliveryListQuery, cursor: { after?: number; before?: number } = {}) {
  const params = new URLSearchParams();
  if (query.outcome) params.set("outcome", query.outcome);
  if (query.type) params.set("type", query.type);
  if (cursor.after !== undefined) params.set("after", String(cursor.after));
  if (cursor.before !== undefined) params.set("before", String(cursor.before));
  return params.size > 0 ? `/deliveries?${params}` : "/deliveries";
}

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("deliveries:read", "/deliveries");
  const parsed = parseDeliveryQuery(await searchParams);
  if (!parsed.ok) {
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold">Webhook deliveries</h1>
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
          This link&apos;s filters could not be read: {parsed.issues.map((issue) => `${issue.path} ${issue.message}`).join("; ")}.
        </p>
        <Link href="/deliveries" prefetch={false} className="text-sky-800 underline">
          Show all deliveries
        </Link>
      </section>
    );
  }
  const query = parsed.query;
  const [page, changes, timeZone] = await Promise.all([listDeliveries(caller, query), getDeliveryChanges(caller), getViewerTimeZone()]);
  const paged = query.after !== undefined || query.before !== undefined;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Webhook deliveries</h1>
        <LiveDeliveries initial={changes} />
      </div>
      <p className="max-w-prose text-sm text-slate-700">
        Every request received on <code className="font-mono">/api/webhooks</code>, accepted or not, newest first. Credentials in headers are masked
        when stored; unauthenticated requests keep no body.
      </p>
      <Form key={href(query)} action="/deliveries" prefetch={false} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filter deliveries">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Outcome</span>
          <select name="outcome" defaultValue={query.outcome ?? ""} className={field}>
            <option value="">Any</option>
            {deliveryOutcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Type</span>
          <select name="type" defaultValue={query.type ?? ""} className={field}>
            <option value="">Any</option>
            {deliveryTypeFilters.map((type) => (
              <option key={type} value={type}>
                {typeLabels[type]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          Apply
        </button>
        <Link href="/deliveries" prefetch={false} className="px-2 py-1.5 text-sm text-slate-700 underline-offset-2 hover:underline">
          Clear
        </Link>
      </Form>
      {page.items.length > 0 ? (
        <>
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <DeliveriesTable items={page.items} timeZone={timeZone} now={new Date()} />
          </div>
          <Pagination
            label="Delivery pages"
            first={paged ? href(query) : null}
            prev={page.page.prev !== null ? href(query, { before: page.page.prev }) : null}
            next={page.page.next !== null ? href(query, { after: page.page.next }) : null}
          />
        </>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-results">
          {query.outcome || query.type || paged ? "No delivery matches these filters." : "No webhook has been received yet."}
        </div>
      )}
    </div>
  );
}
