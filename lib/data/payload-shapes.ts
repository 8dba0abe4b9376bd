// /admin/payload: what authenticated bodies carried that the documented contract does not know
// (lib/drift/contract.ts, derived from lib/schemas/webhook.ts), newest first.
import "server-only";
import { assertPermission, type Caller } from "../auth/permissions";
import { readDb } from "../db";
import { isDocumented, shapeKinds, type ShapeKind } from "../drift/contract";

export type PayloadShapeDto = { kind: ShapeKind; value: string; firstSeenAt: Date; lastSeenAt: Date; count: number; firstDeliveryId: number };
export type PayloadDriftDto = { undocumented: PayloadShapeDto[]; recorded: number; documentedSeen: number; shown: number };

/** At most this many are listed (a sender of random keys must not make the page unbounded). */
export const maxListedShapes = 500;

export async function listPayloadDrift(caller: Caller, kind: ShapeKind | null = null): Promise<PayloadDriftDto> {
  assertPermission(caller, "deliveries:read");
  const db = await readDb();
  const rows = await db.payloadShape.findMany({ where: kind ? { kind } : {}, orderBy: [{ firstSeenAt: "desc" }, { id: "desc" }] });
  const shapes = rows
    .filter((row): row is typeof row & { kind: ShapeKind } => (shapeKinds as readonly string[]).includes(row.kind))
    .map((row) => ({ kind: row.kind, value: row.value, firstSeenAt: row.firstSeenAt, lastSeenAt: row.lastSeenAt, count: row.count, firstDeliveryId: row.firstDeliveryId }));
  const undocumented = shapes.filter((shape) => !isDocumented(shape.kind, shape.value));
  return { undocumented: undocumented.slice(0, maxListedShapes), recorded: shapes.length, documentedSeen: shapes.length - undocumented.length, shown: Math.min(undocumented.length, maxListedShapes) };
}
