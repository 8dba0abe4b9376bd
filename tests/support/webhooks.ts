// Builds webhook requests the way Altibbi (or a sloppy or hostile sender) would, for the real route handler.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Webhook } from "standardwebhooks";

export const fixture = (name: "status_update" | "recommendation_data"): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../fixtures", `${name}.sample.json`), "utf8"));

let nextId = Math.floor(Date.now() % 1_000_000) * 1000 + Math.floor(Math.random() * 1000);
/** A consultation id no other test in this run uses (tests share one database). */
export const uniqueConsultationId = () => ++nextId;

export type SendOptions = {
  headers?: Record<string, string>;
  /** Standard Webhooks secret (whsec_…) to sign with, and optional id / timestamp overrides. */
  sign?: { secret: string; id?: string; timestamp?: Date };
};

export function webhookRequest(body: unknown, options: SendOptions = {}): Request {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.sign) {
    const id = options.sign.id ?? `msg_${crypto.randomUUID()}`;
    const timestamp = options.sign.timestamp ?? new Date();
    headers["webhook-id"] = id;
    headers["webhook-timestamp"] = String(Math.floor(timestamp.getTime() / 1000));
    headers["webhook-signature"] = new Webhook(options.sign.secret).sign(id, timestamp, text);
  }
  return new Request("http://localhost/api/webhooks", { method: "POST", headers, body: text });
}

export function statusUpdate(consultationId: number, oldStatus: string | null, newStatus: string, datetime: string, extra: Record<string, unknown> = {}) {
  return { ...fixture("status_update"), consultation_id: consultationId, old_status: oldStatus, new_status: newStatus, datetime, ...extra };
}

export function recommendation(consultationId: number, datetime: string, data?: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const sample = fixture("recommendation_data");
  return { ...sample, consultation_id: consultationId, datetime, ...(data ? { data } : {}), ...extra };
}
