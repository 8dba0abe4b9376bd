// "Never a 5xx", by fast-check: valid payloads with random strings (NUL, lone surrogates, any
// script), numbers, nulls, unknown keys, deep and wide structures, and byte-level mutations of
// Altibbi's two samples, each signed and posted to the route handler. Every answer is 2xx or 4xx
// with the common error body, and every body answered 2xx is stored. Seeded, so a failure
// replays; FUZZ_RUNS=<n> runs n cases of each kind instead of the default.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { readDb } from "@/lib/db";
import { readFixture, type Json } from "../support/payloads";
import { rawWebhookRequest, webhookRequest } from "../support/webhooks";

const seed = 20_261_201;
const runs = (defaultRuns: number) => Number(process.env.FUZZ_RUNS ?? defaultRuns);

// Consultation ids no other test picks (tests/support/payloads.ts uniqueId stays below 2^47).
const consultationId = fc.integer({ min: 2 ** 48, max: Number.MAX_SAFE_INTEGER });

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom("\u0000", "\ud83d", "\ude00", "a\u0000b\ud83d", "\u202Egpj.exe", "<script>alert(1)</script>", "", " "),
  fc.string({ minLength: 10_000, maxLength: 30_000 }),
);
const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null));
const unknownKeys = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
const deep = fc.integer({ min: 1, max: 40 }).map((depth) => {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { nested: value };
  return value;
});
const wide = fc.integer({ min: 0, max: 3000 }).map((width) => Array.from({ length: width }, (_, index) => ({ name: `item ${index}` })));
const leafObject = (keys: string[]) => fc.record(Object.fromEntries(keys.map((key) => [key, leaf])), { requiredKeys: [] });

const datetime = fc.oneof(
  fc.constantFrom("2023-06-15T09:38:50.848860Z", "2024-02-29T23:59:59+03:00", "2023-06-15T09:38:50Z"),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((date) => date.toISOString()),
  text,
);

const statusPayload = fc.record({
  type: fc.constant("status_update"),
  consultation_id: consultationId,
  datetime,
  user_id: fc.oneof(fc.integer({ min: 0, max: 10 ** 9 }), fc.constant("0077"), leaf),
  insurance_id: leaf,
  policy_number: leaf,
  old_status: fc.oneof(fc.constantFrom("new", "in_progress", null), text),
  new_status: fc.oneof(fc.constantFrom("new", "checking_medical_profile", "in_progress", "closed", "waiting_for_pharmacy"), text),
  extra: fc.oneof(unknownKeys, deep, wide),
});

const recommendationPayload = fc.record({
  type: fc.constant("recommendation_data"),
  consultation_id: consultationId,
  datetime,
  insurance_id: leaf,
  data: fc.record(
    {
      icd10: fc.record({ symptom: fc.array(leafObject(["code", "name"]), { maxLength: 3 }), diagnosis: fc.array(leafObject(["code", "name"]), { maxLength: 3 }) }),
      drug: fc.record({ fdaDrug: fc.array(leafObject(["name", "tradeName", "dosage", "duration", "specialInstructions", "howToUse"]), { maxLength: 4 }) }),
      lab: fc.record({ lab: fc.array(leafObject(["name", "code"]), { maxLength: 3 }) }),
      doctorReferral: fc.oneof(leafObject(["name"]), fc.constant(null)),
      followUp: fc.array(leafObject(["name"]), { maxLength: 3 }),
      postCallAnswer: fc.array(leafObject(["question", "answer"]), { maxLength: 4 }),
      dispense: fc.oneof(leafObject(["url", "pass_code", "qr_code"]), fc.constant(null)),
      unknown: fc.oneof(unknownKeys, deep, wide),
    },
    { requiredKeys: [] },
  ),
});

/** Byte-level mutations of a sample: flips, insertions, deletions, truncation. */
const samples = (["status_update", "recommendation_data"] as const).map((name) =>
  new TextEncoder().encode(JSON.stringify({ ...readFixture(name), consultation_id: 2 ** 48 + 7 })),
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);
const mutatedSample = fc.record({ sample: fc.constantFrom(...samples), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) }).map(({ sample, mutations }) => {
  let bytes = Uint8Array.from(sample);
  for (const change of mutations) {
    const at = bytes.length === 0 ? 0 : change.at % bytes.length;
    if (change.kind === "flip") bytes[at] = change.byte;
    else if (change.kind === "insert") bytes = Uint8Array.from([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)]);
    else if (change.kind === "delete") bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + change.length)]);
    else bytes = bytes.slice(0, at);
  }
  return bytes;
});

/** Posts one request; checks the answer's status and body, and that a 2xx body was stored. */
async function postAndCheck(request: Request, bytes: Uint8Array): Promise<void> {
  const response = await POST(request);
  const answer = (await response.json()) as { delivery_id?: number; outcome?: string; error?: { code: unknown; message: unknown } };
  if (response.status >= 200 && response.status < 300) {
    expect(answer.outcome).toMatch(/^(processed|duplicate)$/);
    const db = await readDb();
    const stored = await db.webhookDelivery.findUniqueOrThrow({ where: { id: answer.delivery_id! } });
    expect(stored.bodySha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    if (stored.outcome === "processed") expect(stored.rawBody).toBe(new TextDecoder().decode(bytes));
  } else {
    expect(response.status, JSON.stringify(answer).slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(typeof answer.error?.code).toBe("string");
    expect(typeof answer.error?.message).toBe("string");
  }
}

const post = async (payload: Json) => {
  const body = JSON.stringify(payload);
  await postAndCheck(webhookRequest(body), new TextEncoder().encode(body));
};

describe("fuzzed webhook bodies never get a 5xx", () => {
  it("status updates with random values, unknown keys, deep and wide structures", async () => {
    await fc.assert(fc.asyncProperty(statusPayload, post), { seed, numRuns: runs(700) });
  }, 600_000);

  it("recommendations with random values, unknown keys, deep and wide structures", async () => {
    await fc.assert(fc.asyncProperty(recommendationPayload, post), { seed, numRuns: runs(700) });
  }, 600_000);

  it("byte-level mutations of the two samples", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSample, (bytes) => postAndCheck(rawWebhookRequest(bytes), bytes)),
      { seed, numRuns: runs(800) },
    );
  }, 600_000);
});
