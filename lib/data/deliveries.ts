// The webhook inbox, newest first, by id (keyset; the (outcome, id) and (type, id) indexes
// serve the filters in order).
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb, type Prisma } from "../db";
import type {
  DeliveryChangesDto,
  DeliveryDetailDto,
  DeliveryListDto,
  DeliveryListQuery,
  DeliverySummaryDto,
} from "../schemas/delivery";
import { deliveryOutcome, deliveryPageSize } from "../schemas/delivery";
import { maxDeliveryId } from "../schemas/ids";

const knownTypes = ["status_update", "recommendation_data"];

const summarySelect = {
  id: true,
  receivedAt: true,
  outcome: true,
  httpStatus: true,
  type: true,
  consultationId: true,
  bodyBytes: true,
  errorCode: true,
  errorDetail: true,
} satisfies Prisma.WebhookDeliverySelect;

type SummaryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof summarySelect }>;

const toSummary = (row: SummaryRow): DeliverySummaryDto => ({
  ...row,
  receivedAt: row.receivedAt.toISOString(),
  // The column is text; only lib/webhooks writes it, always one of the outcomes.
  outcome: deliveryOutcome.parse(row.outcome),
  consultationId: row.consultationId === null ? null : Number(row.consultationId),
});

export async function listDeliveries(caller: Caller, query: DeliveryListQuery): Promise<DeliveryListDto> {
  assertPermission(caller, "deliveries:read");
  const db = await readDb();
  const where: Prisma.WebhookDeliveryWhereInput = {};
  if (query.outcome) where.outcome = query.outcome;
  if (query.type === "other") where.OR = [{ type: null }, { type: { notIn: knownTypes } }];
  else if (query.type) where.type = query.type;

  const backward = query.before !== undefined;
  const rows = await db.webhookDelivery.findMany({
    where: {
      ...where,
      ...(query.after !== undefined ? { id: { lt: query.after } } : {}),
      ...(query.before !== undefined ? { id: { gt: query.before } } : {}),
    },
    orderBy: { id: backward ? "asc" : "desc" },
    take: deliveryPageSize + 1,
    select: summarySelect,
  });
  const more = rows.length > deliveryPageSize;
  const page = rows.slice(0, deliveryPageSize);
  if (backward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
    page: {
      next: last && (backward || more) ? last.id : null,
      prev: first && (backward ? more : query.after !== undefined) ? first.id : null,
    },
  };
}

function parseHeaders(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).map(([name, header]) => [name, typeof header === "string" ? header : JSON.stringify(header)]));
  } catch {
    return {};
  }
}

/** Whether the delivery exists (checked before a page streams, so that an unknown id is a 404). */
export async function hasDelivery(caller: Caller, id: number): Promise<boolean> {
  assertPermission(caller, "deliveries:read");
  const db = await readDb();
  return (await db.webhookDelivery.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export async function getDelivery(caller: Caller, id: number): Promise<DeliveryDetailDto | null> {
  assertPermission(caller, "deliveries:read");
  if (!Number.isSafeInteger(id) || id < 1 || id > maxDeliveryId) return null;
  const db = await readDb();
  const row = await db.webhookDelivery.findUnique({
    where: { id },
    select: { ...summarySelect, webhookId: true, bodySha256: true, headers: true, rawBody: true, rawBodyPurgedAt: true },
  });
  if (!row) return null;
  const { webhookId, bodySha256, headers, rawBody, rawBodyPurgedAt, ...summary } = row;
  return { ...toSummary(summary), webhookId, bodySha256, headers: parseHeaders(headers), rawBody, rawBodyPurgedAt: rawBodyPurgedAt?.toISOString() ?? null };
}

/** One delivery's whole raw body (for its download), or null when there is no such delivery or no body. */
export async function getDeliveryBody(caller: Caller, id: number): Promise<string | null> {
  assertPermission(caller, "deliveries:read");
  if (!Number.isSafeInteger(id) || id < 1 || id > maxDeliveryId) return null;
  const db = await readDb();
  const row = await db.webhookDelivery.findUnique({ where: { id }, select: { rawBody: true } });
  return row?.rawBody ?? null;
}

export const latestDeliveryWindow = 100;

/** The newest delivery ids. Ids can commit out of order, so a client compares sets, not a maximum. */
export async function getDeliveryChanges(caller: Caller): Promise<DeliveryChangesDto> {
  assertPermission(caller, "deliveries:read");
  const db = await readDb();
  const rows = await db.webhookDelivery.findMany({ orderBy: { id: "desc" }, take: latestDeliveryWindow, select: { id: true } });
  return { latestIds: rows.map((row) => row.id) };
}
