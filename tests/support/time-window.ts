// A day of its own for one test. Tests share one database (integration) or one server
// (end to end) and run in parallel, so each makes its consultations inside its own day, long
// before any real event, and looks at them through that day's filter.
//
// Days are claimed, not only drawn: a test reserves its day by creating a file exclusively in
// this run's claims directory, so no two tests (in any worker process) ever get the same day.
// Only every other day is handed out, so the day after a test's day (where a test puts an
// event that must fall outside its range) and the day before (where a time with a positive
// offset lands in UTC) belong to no other test.
import { randomInt } from "node:crypto";
import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const firstDay = Date.UTC(1800, 0, 1);
const pairs = 36_500; // 1800 to 1999, every other day

/** Where this run's claimed days are kept: one directory per run (CARE_DESK_TEST_RUN). */
export function claimsDirectory(run = process.env.CARE_DESK_TEST_RUN): string | null {
  return run ? path.join(os.tmpdir(), `care-desk-days-${run.replace(/[^\w.-]/g, "_")}`) : null;
}

/** Drops a run's claims once its databases are gone. */
export function releaseClaims(run: string | undefined): void {
  const dir = claimsDirectory(run);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

function claimDay(): number {
  const dir = claimsDirectory();
  // Without a run id (one spec run by hand against its own server) a drawn day is enough.
  if (!dir) return 2 * randomInt(0, pairs);
  mkdirSync(dir, { recursive: true });
  for (;;) {
    const day = 2 * randomInt(0, pairs);
    try {
      closeSync(openSync(path.join(dir, String(day)), "wx"));
      return day;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

export function timeWindow() {
  const day = new Date(firstDay + claimDay() * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  /** RFC 3339 time `minutes` after the start of the day, with microseconds as Altibbi sends them. */
  const at = (minutes: number, offset = "Z") => {
    const time = new Date(day.getTime() + minutes * 60_000).toISOString().slice(0, 19);
    return `${time}.${String(123456 + minutes).padStart(6, "0")}${offset}`;
  };
  /** The list's query string for that day. */
  return { date, at, query: `from=${date}&to=${date}&tz=UTC` };
}
