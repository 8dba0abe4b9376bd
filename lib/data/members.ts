// Members: Altibbi's user_id across consultations. Each consultation keeps the member, insurance
// id and policy number of its latest event that carried them (prisma/models.prisma), so a
// member's earlier insurance ids and policy numbers are those of their older consultations.
//
// A member's consultations are paged newest first along the (userId, lastEventUs, id) index with
// keyset cursors, as the consultation list is. Prescriptions are those of each consultation's
// current recommendation (an older version the doctor replaced was not prescribed again).
import "server-only";
import { env } from "../env";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readDb } from "../db";
import { encodeCursor } from "../keyset-cursor";
import { flagRepeatPrescriptions } from "../present/repeat-prescriptions";
import type {
  MemberHistoryDto, MemberIdValueDto, MemberPageQuery, MemberPrescriptionDto, MemberSearchTarget, PolicyMembersDto,
} from "../schemas/member";
import { microsToIso } from "../time/event-time";
import { consultationRowSelect, toConsultationSummary } from "./consultation";

/** At most this many of a member's prescriptions are listed (newest first) and checked for repeats. */
export const prescriptionLimit = 500;
/** At most this many of a member's prescriptions go into the member's CSV export (more is refused, never cut). */
export const prescriptionExportLimit = 10_000;
/** At most this many members of one policy are listed (latest seen first). */
export const policyMemberLimit = 200;
/** At most this many distinct insurance ids or policy numbers of one member are listed. */
const idValueLimit = 50;

const eventTime = (sent: string, micros: bigint) => ({ sent, utc: microsToIso(micros) });

const big = (value: unknown) => BigInt(value as bigint | number | string);
const int = (value: unknown) => Number(value as bigint | number | string);
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** Whether any consultation names this member (checked before the page streams: an unknown member is a 404). */
export async function hasMember(caller: Caller, userId: string): Promise<boolean> {
  assertPermission(caller, "members:read");
  const db = await readDb();
  return (await db.consultation.findFirst({ where: { userId }, select: { id: true } })) !== null;
}

type IdColumn = "insuranceId" | "policyNumber";

/** The distinct values of one id column among the member's consultations, the latest first. */
async function idValues(userId: string, field: IdColumn): Promise<MemberIdValueDto[]> {
  const db = await readDb();
  const micros = Prisma.raw(`"${field}Us"`);
  const name = Prisma.raw(`"${field}"`);
  // The time the value was last sent, and the event time as sent then (from that consultation).
  const rows = await db.$queryRaw<{ value: unknown; micros: unknown; consultations: unknown }[]>`
    SELECT ${name} AS "value", MAX(${micros}) AS "micros", COUNT(*) AS "consultations"
    FROM "Consultation" WHERE "userId" = ${userId} AND ${name} IS NOT NULL
    GROUP BY ${name} ORDER BY MAX(${micros}) DESC LIMIT ${idValueLimit}`;
  return rows.map((row, index) => {
    const at = row.micros === null ? 0n : big(row.micros);
    return { value: String(row.value), latest: index === 0, lastSeen: microsToIso(at), consultations: int(row.consultations) };
  });
}

type PrescriptionRow = {
  consultationId: unknown;
  recommendationId: unknown;
  eventTime: unknown;
  eventMicros: unknown;
  position: unknown;
  name: unknown;
  tradeName: unknown;
  strengthValue: unknown;
  frequency: unknown;
  duration: unknown;
};

async function memberPrescriptions(userId: string, windowDays: number, limit: number = prescriptionLimit): Promise<{ items: MemberPrescriptionDto[]; truncated: boolean }> {
  const db = await readDb();
  const rows = await db.$queryRaw<PrescriptionRow[]>`
    SELECT c."id" AS "consultationId", r."id" AS "recommendationId", r."eventTime" AS "eventTime", r."eventUs" AS "eventMicros",
      d."position" AS "position", d."name" AS "name", d."tradeName" AS "tradeName", d."strengthValue" AS "strengthValue",
      d."frequency" AS "frequency", d."duration" AS "duration"
    FROM "Consultation" c
    JOIN "Recommendation" r ON r."id" = c."recommendationId"
    JOIN "RecommendationDrug" d ON d."recommendationId" = r."id"
    WHERE c."userId" = ${userId}
    ORDER BY r."eventUs" DESC, c."id" DESC, d."position" ASC
    LIMIT ${limit + 1}`;
  const truncated = rows.length > limit;
  const kept = rows.slice(0, limit).map((row) => {
    const micros = big(row.eventMicros);
    return {
      consultationId: int(row.consultationId),
      recommendationId: int(row.recommendationId),
      position: int(row.position),
      name: text(row.name),
      tradeName: text(row.tradeName),
      strengthValue: text(row.strengthValue),
      frequency: text(row.frequency),
      duration: text(row.duration),
      micros,
      prescribedAt: eventTime(String(row.eventTime), micros),
    };
  });
  const flags = flagRepeatPrescriptions(kept, windowDays);
  const items = kept.map((item, index): MemberPrescriptionDto => {
    const { micros, ...dto } = item;
    void micros; // ordering only: the DTO carries the event time as text
    return { ...dto, ...flags[index]! };
  });
  return { items, truncated };
}

/** One page of the member's consultations, newest first (last event, then id). */
async function memberConsultationPage(userId: string, query: MemberPageQuery) {
  const db = await readDb();
  const backward = query.before !== undefined;
  const cursor = query.before ?? query.after;
  const order = backward ? ("asc" as const) : ("desc" as const);
  const past = (value: bigint) => (backward ? { gt: value } : { lt: value });
  const rows = await db.consultation.findMany({
    where: {
      userId,
      ...(cursor && cursor.key !== null ? { OR: [{ lastEventMicros: past(cursor.key) }, { lastEventMicros: cursor.key, id: past(cursor.id) }] } : {}),
    },
    orderBy: [{ lastEventMicros: order }, { id: order }],
    take: query.limit + 1,
    select: consultationRowSelect,
  });
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backward) page.reverse();
  const cursorOf = (row: (typeof page)[number]) => encodeCursor({ key: row.lastEventMicros, id: row.id });
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows: page,
    page: {
      limit: query.limit,
      next: last && (backward || more) ? cursorOf(last) : null,
      prev: first && (backward ? more : query.after !== undefined) ? cursorOf(first) : null,
    },
  };
}

/** A member's ids, one page of consultations, every prescription with its repeat flags; null for an unknown member. */
export async function getMemberHistory(
  caller: Caller,
  userId: string,
  query: MemberPageQuery,
  windowDays: number = env.CARE_DESK_REPEAT_PRESCRIPTION_DAYS,
): Promise<MemberHistoryDto | null> {
  assertPermission(caller, "members:read");
  const db = await readDb();
  const consultations = await db.consultation.count({ where: { userId } });
  if (consultations === 0) return null;
  const [insuranceIds, policyNumbers, page, prescriptions] = await Promise.all([
    idValues(userId, "insuranceId"),
    idValues(userId, "policyNumber"),
    memberConsultationPage(userId, query),
    memberPrescriptions(userId, windowDays),
  ]);
  const recommendationIds = page.rows.map((row) => row.recommendationId).filter((id): id is number => id !== null);
  const drugs = recommendationIds.length
    ? await db.recommendationDrug.findMany({
        where: { recommendationId: { in: recommendationIds } },
        select: { recommendationId: true, name: true, tradeName: true },
        orderBy: [{ recommendationId: "asc" }, { position: "asc" }],
      })
    : [];
  return {
    member: { userId, consultations, insuranceIds, policyNumbers },
    consultations: page.rows.map((row) => ({
      ...toConsultationSummary(row),
      drugs: drugs.filter((drug) => drug.recommendationId === row.recommendationId).map(({ name, tradeName }) => ({ name, tradeName })),
    })),
    page: page.page,
    prescriptions: prescriptions.items,
    prescriptionsTruncated: prescriptions.truncated,
    repeatWindowDays: windowDays,
  };
}

export type MemberPrescriptionExport =
  | { kind: "unknown" }
  | { kind: "too_many" }
  | { kind: "ok"; items: MemberPrescriptionDto[] };

/**
 * Every prescription of the member (newest first, repeat flags over all of them) for the member's
 * CSV export; an unknown member, or more than prescriptionExportLimit prescriptions, is said so.
 */
export async function exportMemberPrescriptions(
  caller: Caller,
  userId: string,
  windowDays: number = env.CARE_DESK_REPEAT_PRESCRIPTION_DAYS,
): Promise<MemberPrescriptionExport> {
  assertPermission(caller, "export");
  const db = await readDb();
  if ((await db.consultation.findFirst({ where: { userId }, select: { id: true } })) === null) return { kind: "unknown" };
  const { items, truncated } = await memberPrescriptions(userId, windowDays, prescriptionExportLimit);
  return truncated ? { kind: "too_many" } : { kind: "ok", items };
}

/** The members seen with a policy number (dependants share their holder's), latest seen first. */
export async function listPolicyMembers(caller: Caller, policyNumber: string): Promise<PolicyMembersDto> {
  assertPermission(caller, "members:read");
  const db = await readDb();
  const [rows, withoutMember] = await Promise.all([
    db.$queryRaw<{ userId: unknown; consultations: unknown; micros: unknown }[]>`
      SELECT "userId" AS "userId", COUNT(*) AS "consultations", MAX("lastEventUs") AS "micros"
      FROM "Consultation" WHERE "policyNumber" = ${policyNumber} AND "userId" IS NOT NULL
      GROUP BY "userId" ORDER BY MAX("lastEventUs") DESC, "userId" ASC LIMIT ${policyMemberLimit + 1}`,
    db.consultation.count({ where: { policyNumber, userId: null } }),
  ]);
  const members = rows.slice(0, policyMemberLimit).map((row) => {
    const micros = big(row.micros);
    return { userId: String(row.userId), consultations: int(row.consultations), lastEvent: microsToIso(micros) };
  });
  return { policyNumber, members, truncated: rows.length > policyMemberLimit, withoutMember };
}

/** Up to two distinct members with `field` equal to the term (two: it names several). */
async function membersWith(field: "userId" | IdColumn, term: string): Promise<string[]> {
  const db = await readDb();
  const column = Prisma.raw(`"${field}"`);
  const rows = await db.$queryRaw<{ userId: unknown }[]>`
    SELECT DISTINCT "userId" AS "userId" FROM "Consultation" WHERE ${column} = ${term} AND "userId" IS NOT NULL LIMIT 2`;
  return rows.map((row) => String(row.userId));
}

/**
 * Where the list's search box sends an exact id: a member id, or an insurance id or policy
 * number that only one member has, opens that member's page; a policy number several members
 * share opens the policy's members. A term that is also a consultation id stays on the list
 * (which shows that consultation), as does anything else.
 */
export async function findMemberSearchTarget(caller: Caller, term: string): Promise<MemberSearchTarget | null> {
  assertPermission(caller, "members:read");
  const db = await readDb();
  if (/^[1-9]\d{0,15}$/.test(term) && Number.isSafeInteger(Number(term))) {
    if (await db.consultation.findUnique({ where: { id: BigInt(term) }, select: { id: true } })) return null;
  }
  if ((await membersWith("userId", term)).length > 0) return { kind: "member", userId: term };
  const insured = await membersWith("insuranceId", term);
  if (insured.length === 1) return { kind: "member", userId: insured[0]! };
  const policy = await membersWith("policyNumber", term);
  if (policy.length === 1) return { kind: "member", userId: policy[0]! };
  if (policy.length > 1) return { kind: "policy", policyNumber: term };
  return null;
}
