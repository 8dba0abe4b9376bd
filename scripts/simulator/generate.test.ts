import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { webhookSchema } from "../../lib/schemas/webhook";
import { planDeliveries } from "./deliveries";
import { eventsInTimeOrder, formatEventTime, generateConsultations, lifecycle, type GenerateOptions } from "./generate";
import { deliveryHeaders, senderAuth } from "./sign";

const until = new Date("2026-03-01T12:00:00Z");
const generate = (overrides: Partial<GenerateOptions> = {}) =>
  [...generateConsultations({ seed: 42, consultations: 400, firstId: 5_000_000, until, ...overrides })];
const stream = (seed: number) => JSON.stringify(eventsInTimeOrder(generate({ seed })).map((event) => event.body));

describe("the simulator's generator", () => {
  const consultations = generate();
  const events = eventsInTimeOrder(consultations);
  const recommendations = events.filter((event) => event.body.type === "recommendation_data");

  it("produces only payloads the webhook schema accepts", () => {
    for (const event of events) {
      const result = webhookSchema.safeParse(JSON.parse(JSON.stringify(event.body)));
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  it("gives the same stream for the same seed and a different one for another seed", () => {
    expect(stream(7)).toBe(stream(7));
    expect(stream(7)).not.toBe(stream(8));
  });

  it("walks each consultation through the lifecycle, in order, before `until`", () => {
    for (const consultation of consultations) {
      const statuses = consultation.events.flatMap((event) => (event.body.type === "status_update" ? [event.body] : []));
      expect(statuses.map((status) => status.new_status)).toEqual(lifecycle.slice(0, statuses.length));
      expect(statuses[0]?.old_status).toBeNull();
      expect(consultation.finalStatus).toBe(statuses.at(-1)?.new_status);
      expect(consultation.events.every((event) => event.eventMicros <= until.getTime() * 1000)).toBe(true);
    }
    expect(consultations.filter((consultation) => consultation.finalStatus === "closed").length).toBeGreaterThan(300);
  });

  it("writes realistic recommendations: 1-6 drugs, ICD-10 pairs, Arabic and English notes, an https dispense link", () => {
    expect(recommendations.length).toBeGreaterThan(250);
    const bodies = recommendations.map((event) => (event.body.type === "recommendation_data" ? event.body : null)!);
    for (const body of bodies) {
      expect(body.data.drug.fdaDrug.length).toBeGreaterThanOrEqual(1);
      expect(body.data.drug.fdaDrug.length).toBeLessThanOrEqual(6);
      expect(body.data.icd10.diagnosis[0]?.code).toMatch(/^[A-Z]\d{2}(\.\d{1,2})?$/);
      expect(body.data.dispense.url).toMatch(/^https:\/\//);
      expect(String(body.data.dispense.pass_code)).toMatch(/^\d{4}$/);
    }
    const answers = bodies.flatMap((body) => body.data.postCallAnswer.map((answer) => answer.answer));
    expect(answers.some((answer) => /[\u0600-\u06FF]/.test(answer))).toBe(true);
    expect(answers.some((answer) => /^[A-Za-z]/.test(answer))).toBe(true);
    // Now and then a revised recommendation: a second version for the same consultation.
    expect(consultations.some((consultation) => consultation.recommendations === 2)).toBe(true);
  });

  it("formats event times as RFC 3339 with microseconds, in UTC or at an offset", () => {
    const us = Date.UTC(2023, 5, 15, 9, 38, 50) * 1000 + 848_860;
    expect(formatEventTime(us)).toBe("2023-06-15T09:38:50.848860Z");
    expect(formatEventTime(us, 180)).toBe("2023-06-15T12:38:50.848860+03:00");
  });
});

describe("the simulator's delivery plan", () => {
  const events = eventsInTimeOrder(generate({ consultations: 100 }));

  it("sends every event once, and redelivers a share of them with the same id and body", () => {
    const plan = planDeliveries(events, { seed: 1, duplicates: 0.2, shuffle: false });
    const originals = plan.filter((delivery) => !delivery.redelivery);
    expect(originals).toHaveLength(events.length);
    const copies = plan.filter((delivery) => delivery.redelivery);
    expect(copies.length).toBeGreaterThan(events.length * 0.1);
    for (const copy of copies) {
      const original = originals.find((delivery) => delivery.webhookId === copy.webhookId)!;
      expect(copy.body).toBe(original.body);
      expect(copy.seq).toBeGreaterThan(original.seq);
    }
  });

  it("shuffles reproducibly", () => {
    const order = (seed: number) => planDeliveries(events, { seed, duplicates: 0.1, shuffle: true }).map((delivery) => delivery.webhookId);
    expect(order(3)).toEqual(order(3));
    expect(order(3)).not.toEqual(planDeliveries(events, { seed: 3, duplicates: 0.1, shuffle: false }).map((delivery) => delivery.webhookId));
  });
});

describe("the simulator's credentials", () => {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  it("signs exactly like the standardwebhooks library, so the receiver's verifier accepts it", () => {
    const auth = senderAuth({ WEBHOOK_SIGNING_SECRETS: `${secret} whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=` });
    expect(auth.kind).toBe("signature");
    const body = '{"type":"status_update"}';
    const now = new Date();
    const headers = deliveryHeaders(auth, "msg_1", body, now);
    expect(headers["webhook-signature"]).toBe(new Webhook(secret).sign("msg_1", now, body));
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(now.getTime() / 1000)));
  });

  it("falls back to a bearer token, then Basic, then nothing", () => {
    expect(deliveryHeaders(senderAuth({ WEBHOOK_BEARER_TOKEN: "t0k3n" }), "m", "{}").authorization).toBe("Bearer t0k3n");
    expect(deliveryHeaders(senderAuth({ WEBHOOK_BASIC_AUTH: "altibbi:pw" }), "m", "{}").authorization).toBe(
      `Basic ${Buffer.from("altibbi:pw").toString("base64")}`,
    );
    const none = deliveryHeaders(senderAuth({}), "m", "{}");
    expect(none.authorization).toBeUndefined();
    expect(none["webhook-signature"]).toBeUndefined();
    expect(() => senderAuth({}, "bearer")).toThrow(/WEBHOOK_BEARER_TOKEN/);
  });
});
