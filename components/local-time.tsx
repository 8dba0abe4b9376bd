import { useLocale, useTranslations } from "next-intl";
import { formatText, type Translate } from "@/lib/i18n/format-template";
import { formatDateTime, formatOffset, formatRelative } from "@/lib/time/format";
import { TimeView, type TimeText } from "./text-cells";

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
 * A time's words in the viewer's zone and language (digits as they chose: lib/i18n/locales.ts):
 * the local time, and for its tooltip the offset and the time as sent. `t`: the "time" namespace.
 */
export function localTimeText(t: Translate<"offsetInZone" | "titleSent" | "title">, locale: string, { utc, timeZone, sent }: { utc: string; timeZone: string; sent?: string }): TimeText {
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return { unreadable: sent ?? utc };
  const local = formatDateTime(date, timeZone, locale);
  const offset = formatOffset(date, timeZone);
  const zone = offset === timeZone ? offset : formatText(t, "offsetInZone", { offset, timeZone });
  const title = sent ? formatText(t, "titleSent", { local, zone, sent }) : formatText(t, "title", { local, zone });
  return { utc, local, title };
}

/**
 * A time in the viewer's zone and language; hovering shows the offset and the time as sent.
 */
export function LocalTime({ utc, timeZone, sent, relativeTo, className }: Props) {
  const locale = useLocale();
  const text = localTimeText(useTranslations("time"), locale, { utc, timeZone, sent });
  const time = <TimeView time={text} className={className} />;
  if (!relativeTo || "unreadable" in text) return time;
  return (
    <span>
      {time}
      <span className="quiet"> ({formatRelative(new Date(utc), relativeTo, locale)})</span>
    </span>
  );
}
