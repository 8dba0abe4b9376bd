// Altibbi's `datetime`: RFC 3339 with a zone and up to 6 fraction digits (the samples send
// microseconds). JavaScript dates hold milliseconds only, so event times are kept as sent and
// as UTC microseconds since the epoch (a BigInt), which orders them exactly.
//
// Names: a name ending in `…Micros` (eventMicros, statusMicros, fromMicros, …) holds such a time:
// UTC microseconds since 1970-01-01T00:00:00Z. (In the database the columns keep their first
// name, `…Us`: prisma/models.prisma maps them, and the raw SQL in lib/webhooks/store.ts and
// lib/data uses the column names.) In the benchmark, `…Micros` also counts microseconds, on the
// monotonic clock of CPU profiles (scripts/bench.ts says so where it reads it).

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** UTC microseconds since 1970 for an RFC 3339 timestamp, or null when it is not one (or not a real date). */
export function parseEventTime(text: string): bigint | null {
  const match = rfc3339.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction = "", , sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  let offsetMinutes = 0;
  if (sign) {
    const offsetHours = Number(oh);
    const offsetMins = Number(om);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const utcDate = new Date(0);
  utcDate.setUTCFullYear(year, month - 1, day);
  utcDate.setUTCHours(hour, minute, second, 0);
  const millis = utcDate.getTime() - offsetMinutes * 60_000;
  return BigInt(millis) * 1000n + BigInt(fraction.padEnd(6, "0"));
}

/** ISO 8601 UTC text (millisecond precision) for microseconds since the epoch. */
export const microsToIso = (micros: bigint): string => new Date(Number(micros / 1000n)).toISOString();
