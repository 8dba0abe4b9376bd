// Altibbi webhook bodies for every kind of test (unit, integration, end to end): the published
// samples under fixtures/ with the fields a test cares about set, and ids no other test picks.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export type Json = Record<string, unknown>;
export type FixtureName = "status_update" | "recommendation_data";

/** The sample's data block, typed where tests read it back. */
export type RecommendationData = Json & {
  icd10: { symptom: { name: string; code: string }[]; diagnosis: { name: string; code: string }[] };
  drug: { fdaDrug: Json[] };
  dispense: { url: string; pass_code: number; qr_code: string };
};

const fixtureDir = path.join(import.meta.dirname, "../../fixtures");

/** A fresh copy of one of Altibbi's published sample bodies (fixtures/<name>.sample.json). */
export const readFixture = (name: FixtureName): Json =>
  JSON.parse(readFileSync(path.join(fixtureDir, `${name}.sample.json`), "utf8")) as Json;

/**
 * A consultation id (or any number) no other test of this run picks. Random rather than counted:
 * test files run in several processes at once against one database or one server.
 */
export const uniqueId = () => randomInt(1_000_000_000, 2 ** 47);

/** The event time the sample carries (RFC 3339, microseconds). */
export const sampleDatetime = (name: FixtureName) => readFixture(name).datetime as string;

export function statusUpdate(consultationId: number, oldStatus: string | null, newStatus: string, datetime: string, extra: Json = {}): Json {
  return { ...readFixture("status_update"), consultation_id: consultationId, old_status: oldStatus, new_status: newStatus, datetime, ...extra };
}

/** The recommendation sample for `consultationId` at `datetime`; `data` replaces its data block whole. */
export function recommendation(consultationId: number, datetime: string, data?: Json, extra: Json = {}): Json {
  return { ...readFixture("recommendation_data"), consultation_id: consultationId, datetime, ...(data ? { data } : {}), ...extra };
}

/** The sample recommendation's data block with some of its parts replaced. */
export const recommendationData = (changes: Json = {}): RecommendationData => ({
  ...(readFixture("recommendation_data").data as RecommendationData),
  ...changes,
});
