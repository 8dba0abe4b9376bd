// The consultation list's rows for a CSV export: every row the list's filters and search match,
// walked page by page along the list's own keyset cursor (never OFFSET, never all rows in memory),
// each page with its current recommendation's ICD-10 entries and drugs.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { Prisma, readDb } from "../db";
import { decodeCursor } from "../keyset-cursor";
import { defaultListLimit, type ConsultationListQuery } from "../schemas/consultation-query";
import type { ConsultationSummaryDto } from "../schemas/consultation";
import { countConsultations, listConsultations } from "./consultation-list";

/** Rows read per query: large enough that 1M rows is 2,000 round trips, small enough to stay a few MB. */
export const exportBatchSize = 500;

export type ExportedIcd10 = { kind: string; code: string | null; name: string | null };

export type ExportedConsultation = ConsultationSummaryDto & {
  /** The current recommendation's ICD-10 entries (symptoms and diagnoses), in payload order. */
  icd10: ExportedIcd10[];
  /** The current recommendation's drug names, in payload order. */
  drugs: (string | null)[];
};

/** The query an export walks: the list's filters, search and sort, from its first row, every page (no cursor, no page size). */
export const exportQuery = (query: ConsultationListQuery): ConsultationListQuery => ({ ...query, after: undefined, before: undefined, limit: defaultListLimit });

/** How many rows an export of the query holds (the count its audit event records). */
export async function countExportRows(caller: Caller, query: ConsultationListQuery): Promise<number> {
  assertPermission(caller, "export");
  return countConsultations(caller, exportQuery(query));
}

type ItemRow = { consultationId: unknown; kind?: unknown; code?: unknown; name: unknown };

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function groupBy<T>(rows: ItemRow[], make: (row: ItemRow) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(row.consultationId);
    const group = groups.get(key);
    if (group) group.push(make(row));
    else groups.set(key, [make(row)]);
  }
  return groups;
}

async function withRecommendations(items: ConsultationSummaryDto[]): Promise<ExportedConsultation[]> {
  const ids = items.filter((item) => item.diagnosis !== null).map((item) => BigInt(item.id));
  if (ids.length === 0) return items.map((item) => ({ ...item, icd10: [], drugs: [] }));
  const db = await readDb();
  const inBatch = Prisma.join(ids);
  const [icd10Rows, drugRows] = await Promise.all([
    db.$queryRaw<ItemRow[]>`SELECT c."id" AS "consultationId", i."kind" AS "kind", i."code" AS "code", i."name" AS "name"
      FROM "Consultation" c JOIN "RecommendationIcd10" i ON i."recommendationId" = c."recommendationId"
      WHERE c."id" IN (${inBatch}) ORDER BY c."id", i."position"`,
    db.$queryRaw<ItemRow[]>`SELECT c."id" AS "consultationId", d."name" AS "name"
      FROM "Consultation" c JOIN "RecommendationDrug" d ON d."recommendationId" = c."recommendationId"
      WHERE c."id" IN (${inBatch}) ORDER BY c."id", d."position"`,
  ]);
  const icd10 = groupBy(icd10Rows, (row) => ({ kind: String(row.kind), code: text(row.code), name: text(row.name) }));
  const drugs = groupBy(drugRows, (row) => text(row.name));
  return items.map((item) => ({ ...item, icd10: icd10.get(String(item.id)) ?? [], drugs: drugs.get(String(item.id)) ?? [] }));
}

/**
 * The export's rows, one batch (at most `batchSize` rows) at a time, in the list's order. Reads the
 * next page only when the consumer asks for it, so a slow download holds one batch, not the table.
 * Stops after `upTo` rows: the count recorded before the first byte is never exceeded.
 */
export async function* exportConsultations(
  caller: Caller,
  query: ConsultationListQuery,
  { batchSize = exportBatchSize, upTo = Number.POSITIVE_INFINITY }: { batchSize?: number; upTo?: number } = {},
): AsyncGenerator<ExportedConsultation[]> {
  assertPermission(caller, "export");
  let page = { ...exportQuery(query), limit: batchSize };
  let left = upTo;
  while (left > 0) {
    const { items, page: cursors } = await listConsultations(caller, page);
    const batch = items.slice(0, left);
    if (batch.length > 0) yield await withRecommendations(batch);
    left -= batch.length;
    const next = cursors.next === null ? null : decodeCursor(cursors.next);
    if (next === null) return;
    page = { ...page, after: next };
  }
}
