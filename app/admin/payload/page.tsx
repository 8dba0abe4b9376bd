// GET /admin/payload — payload drift: keys, statuses and types seen that the contract does not know (admins)
import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/caller";
import { shapeKinds, type ShapeKind } from "@/lib/drift/contract";
import { listPayloadDrift } from "@/lib/data/payload-shapes";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { formatDateTime, formatOffset } from "@/lib/time/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payload drift" };

const kindLabels: Record<ShapeKind, string> = { key: "Key", status: "Status", type: "Type" };
const cell = "px-3 py-2 align-top";
const head = "px-3 py-2 font-medium";

export default async function PayloadDriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("deliveries:read", "/admin/payload");
  const requested = (await searchParams).kind;
  const kind = typeof requested === "string" && (shapeKinds as readonly string[]).includes(requested) ? (requested as ShapeKind) : null;
  const [drift, timeZone] = await Promise.all([listPayloadDrift(caller, kind), getViewerTimeZone()]);
  const when = (date: Date) => `${formatDateTime(date, timeZone)} ${formatOffset(date, timeZone)}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Payload drift</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Every key path (array items as <code className="font-mono">[]</code>), status and <code className="font-mono">type</code> that an authenticated webhook body
        carried, compared with the documented contract (the webhook schema and Altibbi&apos;s documented statuses). Listed here: what the contract does not know, newest
        first, with the delivery that carried it first. {drift.recorded} recorded, {drift.documentedSeen} of them documented. A new one fires the contract drift alert.
      </p>
      <nav aria-label="Kind" className="flex gap-2 text-sm">
        {[null, ...shapeKinds].map((option) => (
          <Link
            key={option ?? "all"}
            href={option ? `/admin/payload?kind=${option}` : "/admin/payload"}
            prefetch={false}
            aria-current={option === kind ? "page" : undefined}
            className={`rounded-md border px-3 py-1 ${option === kind ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            {option ? `${kindLabels[option]}s` : "All"}
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Undocumented keys, statuses and types" tabIndex={0}>
        <table className="min-w-full text-sm">
          <caption className="sr-only">Undocumented keys, statuses and types, newest first</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className={head}>Kind</th>
              <th className={head}>Value</th>
              <th className={head}>First seen</th>
              <th className={head}>Last seen</th>
              <th className={head}>Deliveries</th>
              <th className={head}>Example</th>
            </tr>
          </thead>
          <tbody>
            {drift.undocumented.length === 0 ? (
              <tr>
                <td colSpan={6} className={`${cell} text-slate-600`}>
                  Every key, status and type received so far is in the contract.
                </td>
              </tr>
            ) : (
              drift.undocumented.map((shape) => (
                <tr key={`${shape.kind}:${shape.value}`} className="border-t border-slate-100" data-testid="drift-row">
                  <td className={cell}>{kindLabels[shape.kind]}</td>
                  <td className={`${cell} max-w-lg font-mono break-all`} dir="ltr">
                    {shape.value}
                  </td>
                  <td className={cell}>{when(shape.firstSeenAt)}</td>
                  <td className={cell}>{when(shape.lastSeenAt)}</td>
                  <td className={cell}>{shape.count}</td>
                  <td className={cell}>
                    <Link href={`/deliveries/${shape.firstDeliveryId}`} prefetch={false} className="text-sky-800 underline">
                      Delivery {shape.firstDeliveryId}
                    </Link>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {drift.shown < drift.recorded - drift.documentedSeen ? <p className="text-sm text-slate-600">Showing the newest {drift.shown}.</p> : null}
    </div>
  );
}
