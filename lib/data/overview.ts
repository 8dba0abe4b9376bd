// Totals for the landing page: how much Care Desk holds, and when it last heard from Altibbi.
import "server-only";
import { readDb } from "../db";

export type Overview = { consultations: number; deliveries: number; lastDeliveryAt: string | null };

export async function getOverview(): Promise<Overview> {
  const db = await readDb();
  const [consultations, deliveries, last] = await Promise.all([
    db.consultation.count(),
    db.webhookDelivery.count(),
    db.webhookDelivery.findFirst({ orderBy: { id: "desc" }, select: { receivedAt: true } }),
  ]);
  return { consultations, deliveries, lastDeliveryAt: last?.receivedAt.toISOString() ?? null };
}
