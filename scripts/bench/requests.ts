// The requests the bench sends. Every webhook body is unique (a fresh consultation id and
// webhook id per request), so deduplication never short-cuts the work, and each is signed
// like Altibbi's would be.
import type { Options } from "autocannon";
import { eventsInTimeOrder, formatEventTime, generateConsultations, lifecycle, type RecommendationBody } from "../simulator/generate";
import { signatureHeaders } from "../simulator/sign";

type Requests = NonNullable<Options["requests"]>;

/**
 * Bench webhooks use consultation ids far above the seeded ones (which start at 1), and ids and
 * webhook-ids of their own for each run: a kept database (--database-url) is measured again and
 * again, and a run that reused an earlier run's webhook-ids would be measuring redeliveries (each
 * answered `duplicate`: no event stored, a cheaper path), and the live-update figure would wait
 * for rows that never change. A thousand consultation ids per millisecond of the run's start:
 * runs a second apart are a million ids apart.
 */
const runStarted = Date.now();
let nextId = 10_000_000_000 + (runStarted % 1_000_000_000) * 1000;
const messagePrefix = `msg_bench_${runStarted.toString(36)}_`;
let nextMessage = 0;

/** A consultation id no seeded consultation and no other bench request has. */
export const newConsultationId = () => nextId++;

/** A status_update body (compact JSON) for step `index` of the lifecycle of consultation `id`. */
export const statusUpdateBody = (id: number, index: number, eventUs: number) =>
  `{"type":"status_update","consultation_id":${id},"user_id":${(id % 9_000_000) + 100_000},"insurance_id":"${7_000_000_000 + (id % 1_000_000)}",` +
  `"policy_number":"NAT-2026-${String(id % 1_000_000).padStart(6, "0")}","old_status":${index === 0 ? "null" : `"${lifecycle[index - 1]}"`},` +
  `"new_status":"${lifecycle[index]}","datetime":"${formatEventTime(eventUs)}"}`;

export const signedHeaders = (secret: string, body: string): Record<string, string> => ({
  "content-type": "application/json",
  ...signatureHeaders(secret, `${messagePrefix}${++nextMessage}`, body),
});

/** Status updates: each consultation walks new → … → closed, one step per request. */
export function statusUpdates(secret: string): Requests {
  let step = 0;
  let id = 0;
  const startMicros = Date.now() * 1000;
  return [
    {
      method: "POST",
      path: "/api/webhooks",
      setupRequest: (request) => {
        if (step % 4 === 0) id = nextId++;
        const index = step++ % 4;
        const body = statusUpdateBody(id, index, startMicros + step * 1000);
        return { ...request, headers: signedHeaders(secret, body), body };
      },
    },
  ];
}

/** Generated recommendations of about `bytes` bytes (compact JSON), each sent for a new consultation. */
export function recommendations(secret: string, bytes = 2500): { requests: Requests; averageBytes: number } {
  const marker = 987_654_321_987;
  const candidates = eventsInTimeOrder(generateConsultations({ seed: 7, consultations: 400, firstId: marker, until: new Date("2026-01-01T00:00:00Z") }))
    .map((event) => event.body)
    .filter((body): body is RecommendationBody => body.type === "recommendation_data")
    .map((body) => JSON.stringify({ ...body, consultation_id: marker }))
    .sort((a, b) => Math.abs(a.length - bytes) - Math.abs(b.length - bytes))
    .slice(0, 40);
  const templates = candidates.map((text) => text.split(String(marker)) as [string, string]);
  let count = 0;
  return {
    averageBytes: Math.round(candidates.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / candidates.length),
    requests: [
      {
        method: "POST",
        path: "/api/webhooks",
        setupRequest: (request) => {
          const [before, after] = templates[count++ % templates.length]!;
          const body = before + nextId++ + after;
          return { ...request, headers: signedHeaders(secret, body), body };
        },
      },
    ],
  };
}

/**
 * Strangers: unsigned webhooks from `addresses` addresses in 203.0.113.0/24 (behind the bench's
 * trusted proxy, so X-Forwarded-For names them), answered 401 and, once an address has used up
 * its failures, 429. Altibbi's own requests come from another address (the proxy itself).
 */
export function strangerFlood(addresses = 16): Requests {
  let count = 0;
  return [
    {
      method: "POST",
      path: "/api/webhooks",
      setupRequest: (request) => {
        const body = statusUpdateBody(nextId++, 0, Date.now() * 1000);
        return { ...request, headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${(count++ % addresses) + 1}` }, body };
      },
    },
  ];
}

/** GETs that cycle through paths. */
export function cycle(paths: readonly string[], headers: Record<string, string> = {}): Requests {
  let count = 0;
  return [{ method: "GET", headers, setupRequest: (request) => ({ ...request, path: paths[count++ % paths.length] }) }];
}
