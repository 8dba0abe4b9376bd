import type { Metadata } from "next";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { retentionDays } from "@/lib/env";
import { getDelivery } from "@/lib/data/deliveries";
import { parseDeliveryId } from "@/lib/schemas/ids";
import { previewBytes, previewJson } from "@/lib/pretty-json";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { Field } from "@/components/field";
import { LocalTime } from "@/components/local-time";
import { OutcomeBadge } from "@/components/outcome-badge";
import { BackLink, RecordHeader } from "@/components/record-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseDeliveryId((await params).id);
  const t = await getTranslations("delivery");
  return { title: id === null ? t("titleNone") : t("title", { id: String(id) }) };
}

export default async function DeliveryPage({ params }: Props) {
  const text = (await params).id;
  const caller = await requirePagePermission("deliveries:read", `/deliveries/${text}`);
  const id = parseDeliveryId(text);
  if (id === null) notFound();
  const [delivery, timeZone] = await Promise.all([getDelivery(caller, id), getViewerTimeZone()]);
  if (!delivery) notFound();
  // The raw body (a member's prescription, as Altibbi sent it) is shown only once this view is recorded.
  if (delivery.rawBody !== null) {
    const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
      action: "delivery.body_viewed",
      deliveryId: delivery.id,
      consultationId: delivery.consultationId,
      detail: { via: "page", bytes: delivery.bodyBytes },
    });
    if (!recorded) return <AuditUnavailable what="deliveryBody" />;
  }
  const headerEntries = Object.entries(delivery.headers);
  const [t, back, locale] = await Promise.all([getTranslations("delivery"), getTranslations("backLink"), getLocale()]);
  const number = new Intl.NumberFormat(locale);

  return (
    <article className="space-y-5" aria-labelledby="delivery-heading">
      <BackLink href="/deliveries" label={back("allDeliveries")} />
      <RecordHeader headingId="delivery-heading" kind={t("kind")} id={delivery.id} badges={<OutcomeBadge outcome={delivery.outcome} />}>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-4">
          <Field label={t("received")}>
            <LocalTime utc={delivery.receivedAt} timeZone={timeZone} relativeTo={new Date()} />
          </Field>
          <Field label={t("type")}>{delivery.type ? <code className="font-mono" dir="auto">{delivery.type}</code> : t("unknownType")}</Field>
          <Field label={t("consultation")}>
            {delivery.consultationId !== null ? (
              <Link href={`/consultations/${delivery.consultationId}`} prefetch={false} className="font-mono text-sky-800 underline">
                {delivery.consultationId}
              </Link>
            ) : (
              "—"
            )}
          </Field>
          <Field label={t("httpStatus")}>{delivery.httpStatus}</Field>
          <Field label={t("bodySize")}>{t("bytes", { count: delivery.bodyBytes })}</Field>
          <Field label={t("webhookId")}>{delivery.webhookId ? <code className="font-mono text-xs" dir="auto">{delivery.webhookId}</code> : "—"}</Field>
          <Field label={t("bodySha")}>{delivery.bodySha256 ? <code className="font-mono text-xs break-all" dir="ltr">{delivery.bodySha256}</code> : "—"}</Field>
        </dl>
        {delivery.errorCode ? (
          <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950">
            <p>
              {t.rich("error", { code: () => <code className="font-mono">{delivery.errorCode}</code> })}
            </p>
            {delivery.errorDetail ? (
              <p className="mt-1 whitespace-pre-wrap" dir="auto">
                {delivery.errorDetail}
              </p>
            ) : null}
          </div>
        ) : null}
      </RecordHeader>

      <section aria-labelledby="headers-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="headers-heading" className="text-lg font-semibold">
          {t("headers")}
        </h2>
        <p className="text-sm text-slate-700">{t("headersHelp")}</p>
        {headerEntries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noHeaders")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="delivery-headers">
            <caption className="sr-only">{t("headersCaption")}</caption>
            <tbody>
              {headerEntries.map(([name, value]) => (
                <tr key={name} className="border-b border-slate-100 align-top">
                  <th scope="row" className="w-48 py-1 pe-3 text-start font-mono text-xs font-normal text-slate-700" dir="ltr">
                    {name}
                  </th>
                  <td className="py-1 font-mono text-xs break-all" dir="auto">
                    {value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="body-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="body-heading" className="text-lg font-semibold">
          {t("body")}
        </h2>
        {delivery.rawBody === null && delivery.rawBodyPurgedAt !== null ? (
          <p className="text-sm text-slate-600" data-testid="body-purged">
            {t("purged", { date: formatDay(delivery.rawBodyPurgedAt, locale), days: number.format(retentionDays.processedBodies) })}
          </p>
        ) : delivery.rawBody === null ? (
          <p className="text-sm text-slate-600">{t("notKept")}</p>
        ) : (
          <BodyPreview id={delivery.id} rawBody={delivery.rawBody} bodyBytes={delivery.bodyBytes} />
        )}
      </section>
    </article>
  );
}

/** The day (YYYY-MM-DD of an ISO time, UTC) in the reader's language and digits. */
const formatDay = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));

/** The body pretty-printed, its first 64 KB only (a 1 MiB body would make a page of megabytes), and the whole as a download. */
function BodyPreview({ id, rawBody, bodyBytes }: { id: number; rawBody: string; bodyBytes: number }) {
  const preview = previewJson(rawBody);
  const t = useTranslations("delivery");
  const number = new Intl.NumberFormat(useLocale());
  return (
    <>
      <p className="text-sm text-slate-700">
        {preview.truncated ? `${t("truncated", { kb: number.format(previewBytes / 1024), bytes: number.format(bodyBytes) })} ` : null}
        <a href={`/deliveries/${id}/body`} download={`delivery-${id}.json`} className="text-sky-800 underline" data-testid="delivery-body-download">
          {t("download")}
        </a>
      </p>
      <pre
        className="max-h-[70vh] overflow-auto rounded-md bg-slate-900 p-4 font-mono text-xs text-slate-100"
        tabIndex={0}
        aria-label={t("preview")}
        data-testid="delivery-body"
        dir="auto"
      >
        {preview.text}
      </pre>
    </>
  );
}
