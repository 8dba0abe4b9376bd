"use client";
// The status timeline, drawn in the browser's tree from the events (components/status-timeline.tsx
// sends it its messages): plain data in the page's payload, not every element of the markup.
import type { StatusChangeDto } from "@/lib/schemas/consultation";
import { useLocale, useTranslations } from "next-intl";
import { durationText } from "@/lib/i18n/duration";
import { formatRich, formatText } from "@/lib/i18n/format-template";
import { isDocumentedStatus } from "@/lib/statuses";
import { freshClass } from "./fresh";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/** Receive times within this of the event time are not worth showing. */
const notableDelayMs = 60_000;

/**
 * Every status event in event-time order, with the time spent in each state, the receive time
 * where it differs, and a mark on events that arrived after a later one.
 */
export function StatusTimelineClient({ events, timeZone, now }: { events: StatusChangeDto[]; timeZone: string; now: Date }) {
  const t = useTranslations("timeline");
  const durations = useTranslations("duration");
  const statusName = useTranslations("status");
  const locale = useLocale();
  if (events.length === 0) {
    return <p className="text-sm text-slate-600">{t("empty")}</p>;
  }
  return (
    <ol className="relative space-y-0 border-s-2 border-slate-200 ps-5" data-testid="timeline">
      {events.map((event, index) => {
        const start = Date.parse(event.eventTime.utc);
        const next = events[index + 1];
        const last = next === undefined;
        const spent = (next ? Date.parse(next.eventTime.utc) : now.getTime()) - start;
        const delay = Date.parse(event.receivedAt) - start;
        return (
          <li key={event.id} data-event-id={event.id} data-status={event.newStatus} className={`relative rounded-md py-2 pe-2 ${freshClass(event.receivedAt, now) ?? ""}`}>
            <span aria-hidden="true" className="absolute top-3.5 -start-[27px] size-3 rounded-full border-2 border-white bg-slate-400" />
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={event.newStatus} />
              {event.oldStatus !== null ? (
                <span className="text-xs text-slate-600">
                  {/* A documented status by its name; any other exactly as Altibbi sent it. */}
                  {formatRich(t, "from", { status: () => <bdi>{isDocumentedStatus(event.oldStatus!) ? statusName(`labels.${event.oldStatus}`) : event.oldStatus}</bdi> })}
                </span>
              ) : null}
              {event.outOfOrder ? (
                <span
                  className="rounded-full border border-orange-300 bg-orange-50 px-2 py-0.5 text-xs font-medium text-orange-900"
                  title={t("outOfOrderTitle")}
                  data-testid="out-of-order"
                >
                  {t("outOfOrder")}
                </span>
              ) : null}
            </div>
            <p className="mt-1 text-sm">
              <LocalTime utc={event.eventTime.utc} sent={event.eventTime.sent} timeZone={timeZone} />
            </p>
            <p className="text-sm text-slate-700">
              {last
                ? event.newStatus === "closed"
                  ? t("final")
                  : formatText(t, "current", { duration: durationText(durations, spent, locale) })
                : formatText(t, "spent", { duration: durationText(durations, spent, locale) })}
            </p>
            {Math.abs(delay) > notableDelayMs ? (
              <p className="text-xs text-slate-600">
                {formatRich(t, delay > 0 ? "receivedAfter" : "receivedBefore", {
                  time: () => <LocalTime utc={event.receivedAt} timeZone={timeZone} />,
                  duration: durationText(durations, Math.abs(delay), locale),
                })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
