// The webhook pipeline, in the order the contract fixes: size -> content type -> authenticate
// over the raw bytes -> parse -> validate -> store -> answer. Nothing is parsed before it is
// authenticated, and no malformed input can produce a 5xx.
import "server-only";
import { createHash } from "node:crypto";
import { isProduction, webhookAuth } from "../env";
import { webhookSchema } from "../schemas/webhook";
import { authenticate } from "./authenticate";
import { commitDelivery } from "./ingest";
import { parseJsonObject } from "./parse-json";
import { hasNul, toStorableText } from "./storable-text";
import { toIngestRows } from "./to-rows";
import type { DeliveryRecord } from "./store";
import { errorResponse } from "../http-errors";
import { bodyPath, toIssues, type Issue } from "../schemas/issues";

export const maxBodyBytes = 1024 * 1024;

const recordedHeaders = [
  "content-type",
  "content-length",
  "user-agent",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "x-forwarded-for",
  "x-real-ip",
  "x-request-id",
  "authorization",
];

/** The headers worth keeping with a delivery; credentials are reduced to their scheme. */
function relevantHeaders(headers: Headers): string {
  const kept: Record<string, string> = {};
  for (const name of recordedHeaders) {
    const value = headers.get(name);
    if (value === null) continue;
    if (name === "authorization") kept[name] = `${value.split(" ")[0] ?? ""} [masked]`;
    else if (name === "webhook-signature") kept[name] = value.replace(/,([A-Za-z0-9+/=]{6})[A-Za-z0-9+/=]+/g, ",$1…");
    else kept[name] = value.slice(0, 512);
  }
  return JSON.stringify(kept);
}

/** Reads at most `limit` bytes; null when the body is larger. */
async function readBounded(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

const isJsonContentType = (value: string | null) =>
  value !== null && /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(value.trim());

export async function receiveWebhook(request: Request): Promise<Response> {
  const receivedAt = new Date();
  const headers = request.headers;
  const record = (fields: Partial<DeliveryRecord> & Pick<DeliveryRecord, "outcome" | "httpStatus">): DeliveryRecord => ({
    receivedAt,
    type: null,
    consultationId: null,
    dedupKey: null,
    webhookId: headers.get("webhook-id")?.slice(0, 256) ?? null,
    bodySha256: null,
    bodyBytes: 0,
    rawBody: null,
    headers: relevantHeaders(headers),
    errorCode: null,
    errorDetail: null,
    ...fields,
  });
  // Refusals are recorded too; a failure to record one is logged and does not change the answer.
  const refuse = (status: number, code: string, message: string, fields: Partial<DeliveryRecord> = {}, issues?: Issue[]) => {
    const outcome = status === 401 ? "unauthorized" : "rejected";
    const detail = issues ? `${message} ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}` : message;
    const errorDetail = toStorableText(detail.slice(0, 4000));
    return commitDelivery(record({ outcome, httpStatus: status, errorCode: code, errorDetail, ...fields }), null)
      .catch((error) => console.error(`webhook: could not record a refused delivery (${code})`, error))
      .then(() => errorResponse(status, code, message, issues));
  };

  const declaredLength = Number(headers.get("content-length") ?? "0");
  if (declaredLength > maxBodyBytes) {
    return refuse(413, "payload_too_large", `The body is larger than ${maxBodyBytes} bytes.`, { bodyBytes: declaredLength });
  }
  if (!isJsonContentType(headers.get("content-type"))) {
    return refuse(415, "unsupported_media_type", "Send the webhook as Content-Type: application/json.");
  }
  const bytes = await readBounded(request, maxBodyBytes);
  if (bytes === null) return refuse(413, "payload_too_large", `The body is larger than ${maxBodyBytes} bytes.`);

  const bodyFields = { bodyBytes: bytes.byteLength, bodySha256: createHash("sha256").update(bytes).digest("hex") };
  const auth = authenticate(headers, bytes, webhookAuth, isProduction);
  if (!auth.ok) return refuse(401, auth.code, auth.message, bodyFields);

  const parsed = parseJsonObject(bytes);
  if (!parsed.ok) {
    // Invalid UTF-8, and text with a literal NUL byte (PostgreSQL's text cannot hold it), cannot
    // be stored as text; anything else is kept as received.
    const text = parsed.code === "invalid_encoding" ? null : Buffer.from(bytes).toString("utf8");
    const rawBody = text === null || hasNul(text) ? null : text;
    return refuse(400, parsed.code, parsed.message, { ...bodyFields, rawBody });
  }
  const body = parsed.value;
  const seen = {
    ...bodyFields,
    rawBody: parsed.text,
    type: typeof body.type === "string" ? toStorableText(body.type.slice(0, 64)) : null,
    consultationId: Number.isSafeInteger(body.consultation_id) && (body.consultation_id as number) > 0 ? BigInt(body.consultation_id as number) : null,
  };

  const validated = webhookSchema.safeParse(body);
  if (!validated.success) {
    const issues = toIssues(validated.error, bodyPath);
    return refuse(400, "invalid_payload", "The webhook body does not match the Altibbi webhook format.", seen, issues);
  }

  const webhookId = headers.get("webhook-id");
  const dedupKey = webhookId ? `webhook-id:${webhookId.slice(0, 256)}` : `sha256:${bodyFields.bodySha256}`;
  const event = toIngestRows(validated.data, parsed.text);
  const result = await commitDelivery(record({ ...seen, outcome: "processed", httpStatus: 200, dedupKey }), event);
  return Response.json(
    { outcome: result.outcome, delivery_id: result.deliveryId },
    { status: 200, headers: { "Cache-Control": "no-store" } },
  );
}
