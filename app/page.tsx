import { getOverview } from "@/lib/data/overview";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const overview = await getOverview();
  return (
    <section aria-labelledby="overview-heading" className="space-y-4">
      <h1 id="overview-heading" className="text-2xl font-semibold">
        Overview
      </h1>
      <dl className="grid max-w-xl grid-cols-2 gap-4">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Consultations</dt>
          <dd className="text-3xl font-semibold" data-testid="consultation-count">
            {overview.consultations}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">Webhook deliveries</dt>
          <dd className="text-3xl font-semibold" data-testid="delivery-count">
            {overview.deliveries}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600">
        {overview.lastDeliveryAt ? `Last delivery received ${overview.lastDeliveryAt}.` : "No webhook received yet."}
      </p>
    </section>
  );
}
