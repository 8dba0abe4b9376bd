// Deliveries for the tests that talk to a real server over loopback (tests/support/next-server.ts).
import { recommendation, statusUpdate } from "./payloads";
import { sendWebhook, serverAt } from "./webhooks";

export const token = "integration-load-token";
export const serverEnv = () => ({ DATABASE_URL: process.env.DATABASE_URL!, NODE_ENV: "production", WEBHOOK_BEARER_TOKEN: token });
export const lifecycle = ["new", "checking_medical_profile", "in_progress", "closed"] as const;

export type Delivery = { webhookId: string; body: Record<string, unknown> };

/** Four status events and one recommendation per consultation, at increasing event times. */
export function eventsFor(ids: number[], day: string): Delivery[] {
  return ids.flatMap((id) => [
    ...lifecycle.map((status, step) => ({
      webhookId: `load-${id}-${step}`,
      body: statusUpdate(id, lifecycle[step - 1] ?? null, status, `${day}T10:0${step}:00.${String(id % 1_000_000).padStart(6, "0")}Z`),
    })),
    { webhookId: `load-${id}-rec`, body: recommendation(id, `${day}T10:05:00Z`) },
  ]);
}

export async function post(url: string, delivery: Delivery): Promise<{ status: number; deliveryId?: number; outcome?: string }> {
  const response = await sendWebhook(serverAt(url), delivery.body, {
    webhookId: delivery.webhookId,
    headers: { authorization: `Bearer ${token}` },
  });
  const json = (await response.json()) as { delivery_id?: number; outcome?: string };
  return { status: response.status, deliveryId: json.delivery_id, outcome: json.outcome };
}
