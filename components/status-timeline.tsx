import type { StatusChangeDto } from "@/lib/schemas/consultation";
import { formatDuration } from "@/lib/time/format";
import { freshClass } from "./fresh";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/** Receive times within this of the event time are not worth showing. */
const notableDelayMs = 60_000;

/**
 * Every status event in event-time order, with the time spent in each state, the receive time
 * where it differs, and a mark on events that arrived after a later one.
 */
export function StatusTimeline({ events, timeZone, now }: { events: StatusChangeDto[]; timeZone: string; now: Date }) {
  if (events.length === 0) {
    return <p className="text-sm text-slate-600">No status event received yet.</p>;
  }
  return (
    <ol className="relative space-y-0 border-l-2 border-slate-200 pl-5" data-testid="timeline">
      {events.map((event, index) => {
        const start = Date.parse(event.eventTime.utc);
        const next = events[index + 1];
        const last = next === undefined;
        const spent = (next ? Date.parse(next.eventTime.utc) : now.getTime()) - start;
        const delay = Date.parse(event.receivedAt) - start;
        return (
          <li key={event.id} data-event-id={event.id} data-status={event.newStatus} className={`relative rounded-md py-2 pr-2 ${freshClass(event.receivedAt, now) ?? ""}`}>
            <span aria-hidden="true" className="absolute top-3.5 -left-[27px] size-3 rounded-full border-2 border-white bg-slate-400" />
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={event.newStatus} />
              {event.oldStatus !== null ? (
                <span className="text-xs text-slate-600">
                  from <span dir="auto">{event.oldStatus}</span>
                </span>
              ) : null}
              {event.outOfOrder ? (
                <span
                  className="rounded-full border border-orange-300 bg-orange-50 px-2 py-0.5 text-xs font-medium text-orange-900"
                  title="Received after an event that happened later than this one"
                  data-testid="out-of-order"
                >
                  arrived out of order
                </span>
              ) : null}
            </div>
            <p className="mt-1 text-sm">
              <LocalTime utc={event.eventTime.utc} sent={event.eventTime.sent} timeZone={timeZone} />
            </p>
            <p className="text-sm text-slate-700">
              {last
                ? event.newStatus === "closed"
                  ? "Final state"
                  : `Current state, for ${formatDuration(spent)} so far`
                : `${formatDuration(spent)} in this state`}
            </p>
            {Math.abs(delay) > notableDelayMs ? (
              <p className="text-xs text-slate-600">
                Received <LocalTime utc={event.receivedAt} timeZone={timeZone} /> ({formatDuration(Math.abs(delay))}{" "}
                {delay > 0 ? "after the event" : "before its event time: the clocks disagree"})
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
