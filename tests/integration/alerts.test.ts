// Alerts, on a database of this file's own (the rules look at the whole feed): each rule fires
// once, stays firing, resolves once, can be acknowledged, and is POSTed to a real HTTP receiver
// on 127.0.0.1 (retried after a 500). Each scenario turns the other rules off, so only its own
// rule moves. Evaluation times are given explicitly (the scheduler passes the current time).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAlertReceiver, type AlertReceiver } from "../support/alert-receiver";
import { createIsolatedDatabase } from "../support/isolated-database";

const receiver: AlertReceiver = await startAlertReceiver();
const isolated = await createIsolatedDatabase("alerts", { CARE_DESK_ALERT_WEBHOOK_URL: receiver.url, CARE_DESK_NAME: "Care Desk alerts test" });
const { evaluateAlerts, countFiringAlerts } = await import("@/lib/alerts/evaluate");
const { deliverAlertNotifications, retryDelayMs } = await import("@/lib/alerts/notify");
const { alertRuleKeys } = await import("@/lib/alerts/rules");
const { acknowledgeAlert, updateAlertRule } = await import("@/lib/writes/alerts");
const { getAlertsOverview } = await import("@/lib/data/alerts");
const { readDb } = await import("@/lib/db");
const { PermissionDeniedError } = await import("@/lib/auth/permissions");
const { storeDelivery } = await import("../support/stored-deliveries");
const { routeHandler } = await import("../support/route-handler");
const { deliver, sendWebhook } = await import("../support/webhooks");
const { recommendation, statusUpdate, uniqueId } = await import("../support/payloads");
const { asAdmin, asCoordinator } = await import("../support/callers");
const { clientHeaders } = await import("../support/users");

type RuleKey = (typeof alertRuleKeys)[number];

afterAll(async () => {
  await isolated.drop();
  await receiver.stop();
});

const minutes = (n: number) => n * 60_000;
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** RFC 3339 with microseconds, `ms` before now. */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace("Z", "123Z");

/** Turns every rule but `rule` off (which resolves whatever they left firing), and `rule` to its default. */
async function only(rule: RuleKey, threshold?: number) {
  for (const key of alertRuleKeys) {
    await updateAlertRule(asAdmin, key, key === rule ? (threshold === undefined ? "reset" : { threshold, businessHoursOnly: false }) : { threshold: 0, businessHoursOnly: false });
  }
  await evaluateAlerts(new Date());
  await deliverAlertNotifications(new Date(Date.now() + minutes(24 * 60)));
}

async function alertsOf(rule: RuleKey) {
  return (await readDb()).alert.findMany({ where: { rule }, orderBy: { id: "asc" } });
}

const sentFor = (rule: RuleKey) => receiver.received.filter((body) => body.rule === rule);

/** Fires, stays firing, resolves once, with one notification each way, delivered to the receiver. */
async function expectLifecycle(rule: RuleKey, fireAt: Date, makeClear: () => Promise<void>, resolveAt: () => Date) {
  const before = (await alertsOf(rule)).length;
  // Two evaluations at the same moment (two instances, or two runs that overlap): one alert.
  const [first, second] = await Promise.all([evaluateAlerts(fireAt), evaluateAlerts(fireAt)]);
  expect([...first.fired, ...second.fired].filter((key) => key === rule)).toEqual([rule]);
  expect(await alertsOf(rule)).toHaveLength(before + 1);
  expect(await countFiringAlerts()).toBe(1);
  // Still true a minute later: still the same one alert, nothing new sent.
  expect((await evaluateAlerts(later(fireAt, minutes(1)))).fired).toEqual([]);
  expect(await alertsOf(rule)).toHaveLength(before + 1);

  const sentBefore = sentFor(rule).length;
  await deliverAlertNotifications(later(fireAt, minutes(1)));
  const firing = sentFor(rule).slice(sentBefore);
  expect(firing).toEqual([expect.objectContaining({ rule, state: "firing", instance: "Care Desk alerts test", text: expect.stringContaining("is firing") })]);
  expect(firing[0]).toMatchObject({ value: expect.any(Number), threshold: expect.any(Number), since: fireAt.toISOString(), link: "/alerts" });

  await makeClear();
  const at = resolveAt();
  const [a, b] = await Promise.all([evaluateAlerts(at), evaluateAlerts(at)]);
  expect([...a.resolved, ...b.resolved].filter((key) => key === rule)).toEqual([rule]);
  expect((await evaluateAlerts(later(at, minutes(1)))).resolved).toEqual([]);
  const [alert] = (await alertsOf(rule)).slice(-1);
  expect(alert).toMatchObject({ openRule: null, resolvedAt: at });
  expect(await countFiringAlerts()).toBe(0);
  await deliverAlertNotifications(later(at, minutes(1)));
  expect(sentFor(rule).slice(sentBefore).map((body) => body.state)).toEqual(["firing", "resolved"]);
  return alert!;
}

describe("alert rules", () => {
  beforeAll(async () => {
    // The feed has started: one processed delivery.
    await deliver(routeHandler, statusUpdate(uniqueId(), null, "closed", ago(0)));
    await deliver(routeHandler, recommendation(uniqueId(), ago(0)));
  });

  it("feed silence: no processed delivery for 60 minutes fires; a delivery resolves it", async () => {
    await only("feed_silence");
    // The latest processed delivery was received 90 minutes ago.
    await storeDelivery({ outcome: "processed", httpStatus: 200, receivedAt: new Date(Date.now() - minutes(90)) });
    expect((await evaluateAlerts(new Date(Date.now() - minutes(35)))).fired).toEqual([]);
    const alert = await expectLifecycle(
      "feed_silence",
      new Date(),
      async () => void (await deliver(routeHandler, statusUpdate(uniqueId(), null, "closed", ago(0)))),
      () => new Date(),
    );
    expect(alert.value).toBeGreaterThanOrEqual(90);
    expect(alert.summary).toContain("No processed delivery for 9");
  });

  it("feed silence in business hours only: nights and weekends do not count", async () => {
    await only("feed_silence");
    await updateAlertRule(asAdmin, "feed_silence", { threshold: 60, businessHoursOnly: true });
    // Mon-Fri 08:00-18:00 UTC (the defaults). The last delivery: Friday 17:30; Monday 08:20 is
    // 50 business minutes later, Monday 08:31 61.
    await storeDelivery({ outcome: "processed", httpStatus: 200, receivedAt: new Date("2030-01-04T17:30:00Z") });
    expect((await evaluateAlerts(new Date("2030-01-07T08:20:00Z"))).fired).toEqual([]);
    expect((await evaluateAlerts(new Date("2030-01-07T08:31:00Z"))).fired).toEqual(["feed_silence"]);
    await deliver(routeHandler, statusUpdate(uniqueId(), null, "closed", ago(0)));
    expect((await evaluateAlerts(new Date())).resolved).toEqual(["feed_silence"]);
    await updateAlertRule(asAdmin, "feed_silence", "reset");
  });

  it("authentication failures: more than N refused in 10 minutes fires, counting the sampled ones; it resolves when they stop", async () => {
    await only("auth_failures", 3);
    const now = new Date();
    // Two unsigned requests from two addresses (each recorded), and one record standing for 5 more.
    for (let i = 0; i < 2; i++) {
      const response = await sendWebhook(routeHandler, statusUpdate(uniqueId(), null, "new", ago(0)), { unsigned: true, headers: Object.fromEntries(clientHeaders()) });
      expect(response.status).toBe(401);
    }
    await storeDelivery({
      outcome: "unauthorized",
      httpStatus: 401,
      receivedAt: now,
      errorCode: "unauthorized",
      errorDetail: "No valid credentials. (5 more unauthenticated requests from this address in the minute before were counted, not recorded.)",
    });
    const alert = await expectLifecycle("auth_failures", later(now, 1000), async () => undefined, () => later(now, minutes(11)));
    expect(alert.value).toBe(8);
    expect(alert.summary).toContain("8 deliveries refused for authentication");
  });

  it("rejections: more than 5 % of authenticated deliveries refused in an hour fires; it resolves as the hour passes", async () => {
    await only("rejected_percent");
    const now = new Date();
    const response = await sendWebhook(routeHandler, { type: "status_update", consultation_id: "not a number" });
    expect(response.status).toBe(400);
    const alert = await expectLifecycle("rejected_percent", later(now, 1000), async () => undefined, () => later(now, minutes(61)));
    expect(alert.value).toBeGreaterThan(5);
    expect(alert.threshold).toBe(5);
  });

  it("stuck new: a consultation in new longer than 30 minutes fires; its next status resolves it", async () => {
    await only("stuck_new");
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", ago(minutes(31))));
    const alert = await expectLifecycle(
      "stuck_new",
      new Date(),
      async () => void (await deliver(routeHandler, statusUpdate(id, "new", "in_progress", ago(minutes(1))))),
      () => new Date(),
    );
    expect(alert.summary).toContain(String(id));
  });

  it("stuck in progress: in_progress longer than 4 hours fires; closing resolves it", async () => {
    await only("stuck_in_progress");
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, "checking_medical_profile", "in_progress", ago(minutes(5 * 60))));
    await expectLifecycle(
      "stuck_in_progress",
      new Date(),
      async () => void (await deliver(routeHandler, statusUpdate(id, "in_progress", "closed", ago(0)))),
      () => new Date(),
    );
  });

  it("closed without recommendation: closed 24 hours ago without one fires; the recommendation resolves it", async () => {
    await only("closed_without_recommendation");
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, "in_progress", "closed", ago(minutes(25 * 60))));
    await expectLifecycle(
      "closed_without_recommendation",
      new Date(),
      async () => void (await deliver(routeHandler, recommendation(id, ago(minutes(25 * 60 - 5))))),
      () => new Date(),
    );
  });

  it("contract drift: a never-seen key or status fires; it resolves when nothing new came for 24 hours", async () => {
    await only("contract_drift");
    const now = new Date();
    await deliver(routeHandler, statusUpdate(uniqueId(), "new", "on_hold", ago(0), { escalation_level: 2 }));
    const alert = await expectLifecycle("contract_drift", later(now, 1000), async () => undefined, () => later(now, minutes(25 * 60)));
    expect(alert.value).toBe(2);
    expect(alert.summary).toContain("status on_hold");
    expect(alert.summary).toContain("key escalation_level");
  });

  it("a rule turned off resolves its firing alert; 0 is off", async () => {
    await only("stuck_new", 1);
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", ago(minutes(5))));
    expect((await evaluateAlerts(new Date())).fired).toEqual(["stuck_new"]);
    await updateAlertRule(asAdmin, "stuck_new", { threshold: 0, businessHoursOnly: false });
    expect((await evaluateAlerts(new Date())).resolved).toEqual(["stuck_new"]);
    await deliver(routeHandler, statusUpdate(id, "new", "closed", ago(0)));
  });
});

describe("acknowledging", () => {
  it("records the admin once; a coordinator may not", async () => {
    const [alert] = await alertsOf("stuck_in_progress");
    await expect(acknowledgeAlert(asCoordinator, alert!.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await acknowledgeAlert(asAdmin, alert!.id)).toEqual({ acknowledged: true, alertId: alert!.id, rule: "stuck_in_progress" });
    expect(await acknowledgeAlert(asAdmin, alert!.id)).toMatchObject({ acknowledged: false });
    const stored = (await alertsOf("stuck_in_progress"))[0]!;
    expect(stored.acknowledgedBy).toBe(asAdmin.email);
    expect(stored.acknowledgedAt).toBeInstanceOf(Date);
    const overview = await getAlertsOverview(asAdmin);
    expect(overview.recent.find((entry) => entry.id === alert!.id)).toMatchObject({ acknowledgedBy: asAdmin.email, label: "Stuck in progress" });
    await expect(getAlertsOverview(asCoordinator)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("a rule change returns what changed, for the audit trail", async () => {
    const change = await updateAlertRule(asAdmin, "feed_silence", { threshold: 45, businessHoursOnly: true });
    expect(change).toMatchObject({ rule: "feed_silence", after: { threshold: 45, businessHoursOnly: true }, changed: true });
    expect((await updateAlertRule(asAdmin, "feed_silence", { threshold: 45, businessHoursOnly: true })).changed).toBe(false);
    await expect(updateAlertRule(asAdmin, "rejected_percent", { threshold: 101, businessHoursOnly: false })).rejects.toThrow("at most 100");
    expect((await updateAlertRule(asAdmin, "feed_silence", "reset")).after).toEqual({ threshold: 60, businessHoursOnly: false });
  });
});

describe("notifications", () => {
  it("are retried with backoff after a failure, and the failure shows until one is accepted", async () => {
    await only("stuck_new", 1);
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", ago(minutes(5))));
    const now = new Date();
    expect((await evaluateAlerts(now)).fired).toEqual(["stuck_new"]);
    const sent = receiver.received.length;
    receiver.failNext = 1;
    expect(await deliverAlertNotifications(now)).toEqual({ sent: 0, failed: 1 });
    const overview = await getAlertsOverview(asAdmin);
    const failed = overview.notifications.find((entry) => entry.rule === "stuck_new" && entry.deliveredAt === null);
    expect(failed).toMatchObject({ attempts: 1, lastError: "HTTP 500: receiver is down", event: "firing" });
    // Not due before its backoff is over.
    expect(await deliverAlertNotifications(later(now, retryDelayMs(1) - 1000))).toEqual({ sent: 0, failed: 0 });
    expect(await deliverAlertNotifications(later(now, retryDelayMs(1)))).toEqual({ sent: 1, failed: 0 });
    expect(receiver.received.slice(sent)).toEqual([expect.objectContaining({ rule: "stuck_new", state: "firing" })]);
    const delivered = (await readDb()).alertNotification.findFirstOrThrow({ where: { id: failed!.id } });
    expect(await delivered).toMatchObject({ attempts: 2, deliveredAt: later(now, retryDelayMs(1)) });
    await deliver(routeHandler, statusUpdate(id, "new", "closed", ago(0)));
    expect((await evaluateAlerts(new Date())).resolved).toEqual(["stuck_new"]);
  });

  it("back off exponentially, at most an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
