// A day of its own for one test. Tests share one database (integration) or one server
// (end to end) and run in parallel, so each makes its consultations inside its own day, long
// before any real event, and looks at them through that day's filter.
import { randomInt } from "node:crypto";

const firstDay = Date.UTC(1800, 0, 1);
const days = 73_000; // 1800 to 1999

export function timeWindow() {
  const day = new Date(firstDay + randomInt(0, days) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  /** RFC 3339 time `minutes` after the start of the day, with microseconds as Altibbi sends them. */
  const at = (minutes: number, offset = "Z") => {
    const time = new Date(day.getTime() + minutes * 60_000).toISOString().slice(0, 19);
    return `${time}.${String(123456 + minutes).padStart(6, "0")}${offset}`;
  };
  /** The list's query string for that day. */
  return { date, at, query: `from=${date}&to=${date}&tz=UTC` };
}
