// The lease row per job: a portable conditional UPDATE decides which instance runs a period. On
// PostgreSQL the row lock orders concurrent claims and the loser's WHERE no longer matches (READ
// COMMITTED re-reads the row), so exactly one instance changes it; on SQLite writes are serialised.
import "server-only";
import { writeBatch } from "../db";

/** How long a claim holds without progress; a crashed holder's period is taken over after it. */
export const leaseMs = 10 * 60_000;

const ensureRowSql = `
  INSERT INTO "JobLease" ("name", "periodStart", "holder", "leasedUntil") VALUES (?, ?, ?, ?)
  ON CONFLICT ("name") DO NOTHING`;

// A period is free when the row names an earlier one, or names it but its holder neither
// finished nor renewed its lease in time.
const claimSql = `
  UPDATE "JobLease" SET "periodStart" = ?, "holder" = ?, "leasedUntil" = ?, "finishedAt" = NULL
  WHERE "name" = ? AND ("periodStart" < ? OR ("periodStart" = ? AND "finishedAt" IS NULL AND "leasedUntil" < ?))`;

const renewSql = `UPDATE "JobLease" SET "leasedUntil" = ? WHERE "name" = ? AND "holder" = ? AND "periodStart" = ?`;
const finishSql = `UPDATE "JobLease" SET "finishedAt" = ?, "leasedUntil" = ? WHERE "name" = ? AND "holder" = ? AND "periodStart" = ?`;

/** Whether this instance now holds `job`'s period starting at `periodStart` (and so runs it). */
export async function claimLease(job: string, periodStart: Date, holder: string, now = new Date()): Promise<boolean> {
  return writeBatch(async (session) => {
    await session.run(ensureRowSql, [job, new Date(0), "", new Date(0)]);
    const changed = await session.run(claimSql, [periodStart, holder, new Date(now.getTime() + leaseMs), job, periodStart, periodStart, now]);
    return changed === 1;
  });
}

export async function renewLease(job: string, periodStart: Date, holder: string, now = new Date()): Promise<void> {
  await writeBatch((session) => session.run(renewSql, [new Date(now.getTime() + leaseMs), job, holder, periodStart]));
}

export async function finishLease(job: string, periodStart: Date, holder: string, now = new Date()): Promise<void> {
  await writeBatch((session) => session.run(finishSql, [now, now, job, holder, periodStart]));
}
