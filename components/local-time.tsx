import { formatDateTime, formatOffset, formatRelative } from "@/lib/time/format";

type Props = {
  /** The instant, ISO 8601 UTC. */
  utc: string;
  /** The viewer's time zone. */
  timeZone: string;
  /** The time exactly as Altibbi sent it (with its own offset and microseconds), for the tooltip. */
  sent?: string;
  /** Add "(5 minutes ago)" after it, against this clock. */
  relativeTo?: Date;
  className?: string;
};

/** A time in the viewer's zone; hovering shows the offset and the time as sent. */
export function LocalTime({ utc, timeZone, sent, relativeTo, className }: Props) {
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return <span className={className}>{sent ?? utc}</span>;
  const local = formatDateTime(date, timeZone);
  const offset = formatOffset(date, timeZone);
  const title = `${local} ${offset}${offset === timeZone ? "" : ` (${timeZone})`}${sent ? ` · sent as ${sent}` : ""}`;
  const time = (
    <time dateTime={utc} title={title} className={className}>
      {local}
    </time>
  );
  if (!relativeTo) return time;
  return (
    <span>
      {time}
      <span className="quiet"> ({formatRelative(date, relativeTo)})</span>
    </span>
  );
}
