// The webhook pipeline. Authentication is decided first, from the headers (Bearer, Basic, and a
// signature request's three headers and timestamp window) before the body is read; then size ->
// content type -> read the body -> verify a signature over the raw bytes -> parse -> validate ->
// store -> answer. Nothing is parsed before it is authenticated, no malformed input can produce
// a 5xx, and a request that is not authenticated costs a counter (./refusal-sampler.ts), not a
// row: no body and no free-form header of a stranger is ever stored.
import "server-only";
import { createHash } from "node:crypto";
import { allowUnauthenticatedWebhooks } from "../env";
import { clientIpFrom } from "../http/client-ip";
import { webhookSchema } from "../schemas/webhook";
import { authenticateBody, authenticateHeaders } from "./authenticate";
import { blockedForSeconds, countAuthFailure, tooManyFailures } from "./auth-rate-limit";
import { commitDelivery, IngestQueueFullError, shedRetryAfterSeconds } from "./ingest";
import { parseJsonObject } from "./parse-json";
import { recordHeaders } from "./recorded-headers";
import { sampleRefusal, unrecordedNote } from "./refusal-sampler";
import { currentWebhookAuth } from "./signing-secret";
import { hasNul, toStorableText } from "./storable-text";
import { toIngestRows } from "./to-rows";
import { observeShapes, type ObservedShapes } from "../drift/record";
import type { DeliveryRecord } from "./store";
import { errorResponse } from "../http-errors";
import { log } from "../observability/log";
import { metrics, typeLabel } from "../observability/metrics";
import { noteOutcome } from "../observability/request-log";
import { bodyPath, toIssues, type Issue } from "../schemas/issues";

export const maxBodyBytes = 1024 * 1024;

/** The whole body must have arrived this long after the handler starts reading it (then 408). */
export const bodyReadDeadlineMs = 10_000;

/** Reads at most `limit` bytes before the deadline: "too_large" when the body is larger, "too_slow" when it is late. */
async function readBounded(request: Request, limit: number, deadlineMs = bodyReadDeadlineMs): Promise<Uint8Array | "too_large" | "too_slow"> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), deadlineMs)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), late]);
      if (next === "late") {
        void reader.cancel().catch(() => undefined);
        return "too_slow";
      }
      const { done, value } = next;
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        return "too_large";
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, total);
}

const isJsonContentType = (value: string | null) =>
  value !== null && /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(value.trim());

type Refusal = { status: number; code: string; message: string; headers?: Record<string, string> };

/** A processed delivery's dedup key: its webhook-id header, or the SHA-256 of its body without one. */
export const dedupKeyFor = (webhookId: string | null, bodySha256: string) =>
  webhookId ? `webhook-id:${webhookId.slice(0, 256)}` : `sha256:${bodySha256}`;
export async function receiveWebhook(request: Request): Promise<Response> {
  const receivedAt = new Date();
  const headers = request.headers;
  const clientIp = clientIpFrom(headers);
  const record = (fields: Partial<DeliveryRecord> & Pick<DeliveryRecord, "outcome" | "httpStatus">): DeliveryRecord => ({
    receivedAt,
    type: null,
    consultationId: null,
    dedupKey: null,
    webhookId: headers.get("webhook-id")?.slice(0, 256) ?? null,
    bodySha256: null,
    bodyBytes: 0,
    rawBody: null,
    headers: recordHeaders(headers, clientIp),
    errorCode: null,
    errorDetail: null,
    ...fields,
  });
  const outcomeOf = (status: number) => (status === 401 || status === 429 ? "unauthorized" : "rejected");
  // Every answer is counted (care_desk_webhook_deliveries_total) and named in the request's log line.
  const answered = (response: Response, outcome: string, type: string | null) => {
    metrics.deliveries.inc({ outcome, type: typeLabel(type) });
    return noteOutcome(response, outcome);
  };
  // Payload drift: the shapes of an authenticated, parsed body that are new (lib/drift), stored with it.
  let shapes: ObservedShapes | null = null;
  // A full queue sheds the record of a refusal silently: the answer is what matters.
  const store = (delivery: DeliveryRecord) =>
    commitDelivery(delivery, null, shapes).catch((error) => {
      if (!(error instanceof IngestQueueFullError)) log.error({ err: error, errorCode: delivery.errorCode }, "webhook: could not record a refused delivery");
    });

  // A refusal before authentication: counted; at most one per client IP per minute is recorded,
  // with the allowlisted headers and no body.
  const refuseStranger = async ({ status, code, message, headers: answerHeaders }: Refusal) => {
    const unrecorded = sampleRefusal(clientIp);
    if (unrecorded !== null) {
      await store(record({ outcome: outcomeOf(status), httpStatus: status, errorCode: code, errorDetail: toStorableText(`${message}${unrecordedNote(unrecorded)}`), unauthenticated: true }));
    }
    return answered(errorResponse(status, code, message, undefined, answerHeaders), outcomeOf(status), null);
  };
  const failAuthentication = async (refusal: Refusal) => {
    const wait = await countAuthFailure(clientIp);
    return refuseStranger(wait === null ? refusal : tooManyFailures(wait));
  };
  // A refusal of an authenticated request: recorded whole (the sender needs to see why).
  const refuse = async (status: number, code: string, message: string, fields: Partial<DeliveryRecord> = {}, issues?: Issue[]) => {
    const detail = issues ? `${message} ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}` : message;
    await store(record({ outcome: outcomeOf(status), httpStatus: status, errorCode: code, errorDetail: toStorableText(detail.slice(0, 4000)), ...fields }));
    return answered(errorResponse(status, code, message, issues), outcomeOf(status), fields.type ?? null);
  };

  const webhookAuth = allowUnauthenticatedWebhooks ? { signingSecrets: [] } : await currentWebhookAuth();
  const decided = authenticateHeaders(headers, webhookAuth, allowUnauthenticatedWebhooks);
  if (decided.ok === false) return failAuthentication({ status: 401, code: decided.code, message: decided.message });
  const authenticated = decided.ok === true;
  if (!authenticated) {
    // A signature to verify: a client past its failures is turned away before its body is read.
    const wait = await blockedForSeconds(clientIp);
    if (wait !== null) return refuseStranger(tooManyFailures(wait));
  }
  const refuseEarly = (status: number, code: string, message: string, fields: Partial<DeliveryRecord> = {}) =>
    authenticated ? refuse(status, code, message, fields) : refuseStranger({ status, code, message });

  const declaredLength = Number(headers.get("content-length") ?? "0");
  if (declaredLength > maxBodyBytes) {
    return refuseEarly(413, "payload_too_large", `The body is larger than ${maxBodyBytes} bytes.`, { bodyBytes: declaredLength });
  }
  if (!isJsonContentType(headers.get("content-type"))) {
    return refuseEarly(415, "unsupported_media_type", "Send the webhook as Content-Type: application/json.");
  }
  const bytes = await readBounded(request, maxBodyBytes);
  if (bytes === "too_large") return refuseEarly(413, "payload_too_large", `The body is larger than ${maxBodyBytes} bytes.`);
  if (bytes === "too_slow") return refuseEarly(408, "request_timeout", `The body did not arrive within ${bodyReadDeadlineMs / 1000} seconds.`);

  if (!authenticated) {
    const verified = authenticateBody(headers, bytes, webhookAuth);
    if (!verified.ok) return failAuthentication({ status: 401, code: verified.code, message: verified.message });
  }

  const bodyFields = { bodyBytes: bytes.byteLength, bodySha256: createHash("sha256").update(bytes).digest("hex") };
  const parsed = parseJsonObject(bytes);
  if (!parsed.ok) {
    // Invalid UTF-8, and text with a literal NUL byte (PostgreSQL's text cannot hold it), cannot
    // be stored as text; anything else is kept as received.
    const text = parsed.code === "invalid_encoding" ? null : Buffer.from(bytes).toString("utf8");
    const rawBody = text === null || hasNul(text) ? null : text;
    return refuse(400, parsed.code, parsed.message, { ...bodyFields, rawBody });
  }
  const body = parsed.value;
  shapes = observeShapes(body, receivedAt);
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

  const dedupKey = dedupKeyFor(headers.get("webhook-id"), bodyFields.bodySha256);
  const event = toIngestRows(validated.data);
  let result;
  try {
    result = await commitDelivery(record({ ...seen, outcome: "processed", httpStatus: 200, dedupKey }), event, shapes);
  } catch (error) {
    if (!(error instanceof IngestQueueFullError)) throw error;
    const overloaded = errorResponse(503, "overloaded", `Too many deliveries are waiting to be stored. Retry after ${shedRetryAfterSeconds} seconds.`, undefined, {
      "Retry-After": String(shedRetryAfterSeconds),
    });
    return answered(overloaded, "overloaded", validated.data.type);
  }
  return answered(
    Response.json({ outcome: result.outcome, delivery_id: result.deliveryId }, { status: 200, headers: { "Cache-Control": "no-store" } }),
    result.outcome,
    validated.data.type,
  );
}
