import { useLocale, useTranslations } from "next-intl";
import { formatText } from "@/lib/i18n/format-template";
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

/**
 * A time in the viewer's zone and language (digits as they chose: lib/i18n/locales.ts); hovering
 * shows the offset and the time as sent.
 */
export function LocalTime({ utc, timeZone, sent, relativeTo, className }: Props) {
  const locale = useLocale();
  const t = useTranslations("time");
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return <bdi className={className}>{sent ?? utc}</bdi>;
  const local = formatDateTime(date, timeZone, locale);
  const offset = formatOffset(date, timeZone);
  const zone = offset === timeZone ? offset : formatText(t, "offsetInZone", { offset, timeZone });
  const title = sent ? formatText(t, "titleSent", { local, zone, sent }) : formatText(t, "title", { local, zone });
  const time = (
    <time dateTime={utc} title={title} className={className}>
      {local}
    </time>
  );
  if (!relativeTo) return time;
  return (
    <span>
      {time}
      <span className="quiet"> ({formatRelative(date, relativeTo, locale)})</span>
    </span>
  );
}
