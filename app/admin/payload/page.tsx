// GET /admin/payload — payload drift: keys, statuses and types seen that the contract does not know (admins)
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { shapeKinds, type ShapeKind } from "@/lib/drift/contract";
import { listPayloadDrift } from "@/lib/data/payload-shapes";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { formatDateTime, formatOffset } from "@/lib/time/format";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPayload"))("title") };
}

const cell = "px-3 py-2 align-top";
const head = "px-3 py-2 text-start font-medium";

export default async function PayloadDriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission("deliveries:read", "/admin/payload");
  const requested = (await searchParams).kind;
  const kind = typeof requested === "string" && (shapeKinds as readonly string[]).includes(requested) ? (requested as ShapeKind) : null;
  const [drift, timeZone] = await Promise.all([listPayloadDrift(caller, kind), getViewerTimeZone()]);
  const [t, locale] = await Promise.all([getTranslations("adminPayload"), getLocale()]);
  const when = (date: Date) => (
    <>
      {formatDateTime(date, timeZone, locale)} <bdi>{formatOffset(date, timeZone)}</bdi>
    </>
  );
  const number = new Intl.NumberFormat(locale);
  const code = (chunks: React.ReactNode) => (
    <code className="font-mono" dir="ltr">
      {chunks}
    </code>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        {t.rich("intro", { code, recorded: number.format(drift.recorded), documented: number.format(drift.documentedSeen) })}
      </p>
      <nav aria-label={t("kind")} className="flex gap-2 text-sm">
        {[null, ...shapeKinds].map((option) => (
          <Link
            key={option ?? "all"}
            href={option ? `/admin/payload?kind=${option}` : "/admin/payload"}
            prefetch={false}
            aria-current={option === kind ? "page" : undefined}
            className={`rounded-md border px-3 py-1 ${option === kind ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            {option ? t(`kindsPlural.${option}`) : t("all")}
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t("region")} tabIndex={0}>
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th className={head}>{t("columns.kind")}</th>
              <th className={head}>{t("columns.value")}</th>
              <th className={head}>{t("columns.firstSeen")}</th>
              <th className={head}>{t("columns.lastSeen")}</th>
              <th className={head}>{t("columns.deliveries")}</th>
              <th className={head}>{t("columns.example")}</th>
            </tr>
          </thead>
          <tbody>
            {drift.undocumented.length === 0 ? (
              <tr>
                <td colSpan={6} className={`${cell} text-slate-600`}>
                  {t("none")}
                </td>
              </tr>
            ) : (
              drift.undocumented.map((shape) => (
                <tr key={`${shape.kind}:${shape.value}`} className="border-t border-slate-100" data-testid="drift-row">
                  <td className={cell}>{t(`kinds.${shape.kind}`)}</td>
                  <td className={`${cell} max-w-lg font-mono break-all`} dir="ltr">
                    {shape.value}
                  </td>
                  <td className={cell}>{when(shape.firstSeenAt)}</td>
                  <td className={cell}>{when(shape.lastSeenAt)}</td>
                  <td className={cell}>{number.format(shape.count)}</td>
                  <td className={cell}>
                    <Link href={`/deliveries/${shape.firstDeliveryId}`} prefetch={false} className="text-sky-800 underline">
                      {t("delivery", { id: String(shape.firstDeliveryId) })}
                    </Link>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {drift.shown < drift.recorded - drift.documentedSeen ? <p className="text-sm text-slate-600">{t("showing", { count: drift.shown })}</p> : null}
    </div>
  );
}
