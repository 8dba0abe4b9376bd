// The list's one search box: consultation id, user id, insurance id or policy number (exact), or
// the start of an ICD-10 code or name, or of a drug's name or trade name, in the consultation's
// current recommendation.
//
// Every test is an index range, in the SQL SQLite and PostgreSQL share. Names are matched from
// their start, in the spellings Altibbi uses (as typed, UPPER, lower, Capitalised): a B-tree
// cannot fold case, and an extra folded column would have to be written by ingestion.
// Prefix ranges ("DRUG17" ≤ x < "DRUG18") assume code-point order: SQLite's BINARY, PostgreSQL's
// C or C.UTF-8 collation (see README, "Search").
//
// Two plans. When few rows can match (a rare drug; a member or a policy, up to
// exactCandidateLimit), the candidates are collected from the indexes and only they are sorted.
// When many can (a common drug), the list is walked in sort order and each row checked, which
// finds a page of matches after a short walk.
import "server-only";
import { Prisma, type Db } from "../db";

/**
 * Above this many candidate rows, walking the sorted list is cheaper than sorting the candidates:
 * with no other filter, a term with more candidates matches at least 0.2 % of a million rows,
 * so a page of matches is found within ~25 000 rows. Other filters (status, dates) can make
 * matches much rarer along the walk, so then candidates are collected up to a higher limit.
 */
export const candidateLimit = { alone: 2_000, narrowed: 50_000 };

/**
 * Exact matches (an id, a member, a policy) are collected up to this many even with no other
 * filter: they come straight from an index of the consultations, with no join, and a shared
 * policy's consultations need not be spread along the sorted list (a walk looking for a group
 * policy's 2,500 members among a million rows took SQLite 2 s).
 */
export const exactCandidateLimit = 20_000;

export type SearchPlan = {
  /** True for rows that match (alias c: "Consultation"). */
  match: Prisma.Sql;
  /** Ids that may match, when they are few enough to collect; null to walk the list instead. */
  candidates: Prisma.Sql | null;
};

/** The smallest text greater than every text that starts with `prefix` (null when there is none). */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return points.join("") + String.fromCodePoint(next);
  }
  return null;
}

/** The spellings a name is looked up in: as typed, UPPER, lower and Capitalised. */
export function spellings(term: string): string[] {
  const lower = term.toLowerCase();
  return [...new Set([term, term.toUpperCase(), lower, lower.charAt(0).toUpperCase() + lower.slice(1)])];
}

type Range = { low: string; high: string | null };

const inRange = (column: Prisma.Sql, range: Range) =>
  range.high === null ? Prisma.sql`${column} >= ${range.low}` : Prisma.sql`(${column} >= ${range.low} AND ${column} < ${range.high})`;

const anyRange = (columns: Prisma.Sql[], ranges: Range[]) =>
  Prisma.sql`(${Prisma.join(columns.flatMap((column) => ranges.map((range) => inRange(column, range))), " OR ")})`;

const col = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);

const asNumber = (value: unknown) => Number(value as number | bigint | string);

export async function planSearch(db: Db, term: string, narrowed: boolean): Promise<SearchPlan> {
  const limit = narrowed ? candidateLimit.narrowed : candidateLimit.alone;
  const ranges: Range[] = spellings(term).map((low) => ({ low, high: prefixUpperBound(low) }));
  const id = /^\d{1,16}$/.test(term) && Number.isSafeInteger(Number(term)) ? BigInt(term) : null;

  const exactColumns = ["userId", "insuranceId", "policyNumber"];
  const exact = (alias: string) =>
    Prisma.join(
      [...(id === null ? [] : [Prisma.sql`${col(alias, "id")} = ${id}`]), ...exactColumns.map((name) => Prisma.sql`${col(alias, name)} = ${term}`)],
      " OR ",
    );
  const icdColumns = (alias: string) => [col(alias, "code"), col(alias, "name")];
  const drugColumns = (alias: string) => [col(alias, "name"), col(alias, "tradeName")];

  // Scalar subqueries (`(… LIMIT 1) IS NOT NULL`), not EXISTS: PostgreSQL may turn an EXISTS
  // into a hash of every matching row (all 70 000 prescriptions of a common drug) before the
  // first row is checked; a scalar subquery is an index look-up per row checked.
  const match = Prisma.sql`(${exact("c")}
    OR (SELECT 1 FROM "RecommendationIcd10" i WHERE i."recommendationId" = c."recommendationId" AND ${anyRange(icdColumns("i"), ranges)} LIMIT 1) IS NOT NULL
    OR (SELECT 1 FROM "RecommendationDrug" d WHERE d."recommendationId" = c."recommendationId" AND ${anyRange(drugColumns("d"), ranges)} LIMIT 1) IS NOT NULL)`;

  // How many candidates, up to the limit: each index range read on its own, and the reading
  // stops as soon as the limit is passed. Exact matches and name prefixes are counted apart.
  const exactLimit = Math.max(limit, exactCandidateLimit);
  const probe = (table: string, condition: Prisma.Sql, upTo: number) =>
    Prisma.sql`SELECT 1 AS x FROM (SELECT 1 AS x FROM ${Prisma.raw(`"${table}"`)} AS t WHERE ${condition} LIMIT ${upTo + 1}) AS p`;
  const count = (probes: Prisma.Sql[], upTo: number) => Prisma.sql`(SELECT COUNT(*) FROM (${Prisma.join(probes, " UNION ALL ")} LIMIT ${upTo + 1}) AS probes)`;
  const exactProbes = [
    ...(id === null ? [] : [probe("Consultation", Prisma.sql`t."id" = ${id}`, exactLimit)]),
    ...exactColumns.map((name) => probe("Consultation", Prisma.sql`${col("t", name)} = ${term}`, exactLimit)),
  ];
  const prefixProbes = ranges.flatMap((range) => [
    ...["code", "name"].map((name) => probe("RecommendationIcd10", inRange(col("t", name), range), limit)),
    ...["name", "tradeName"].map((name) => probe("RecommendationDrug", inRange(col("t", name), range), limit)),
  ]);
  const [row] = await db.$queryRaw<{ exact: unknown; prefix: unknown }[]>`
    SELECT ${count(exactProbes, exactLimit)} AS "exact", ${count(prefixProbes, limit)} AS "prefix"`;
  if (asNumber(row?.exact ?? 0) > exactLimit || asNumber(row?.prefix ?? 0) > limit) return { match, candidates: null };

  const candidates = Prisma.sql`
    SELECT x."id" FROM "Consultation" x WHERE ${exact("x")}
    UNION ALL SELECT r."consultationId" FROM "RecommendationIcd10" i JOIN "Recommendation" r ON r."id" = i."recommendationId"
      WHERE ${anyRange(icdColumns("i"), ranges)}
    UNION ALL SELECT r."consultationId" FROM "RecommendationDrug" d JOIN "Recommendation" r ON r."id" = d."recommendationId"
      WHERE ${anyRange(drugColumns("d"), ranges)}`;
  return { match, candidates };
}
