// Two instances on one PostgreSQL evaluate the alerts at the same moment (two processes, each with
// its own connections): one alert fires, one resolves, one notification each way is sent.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAlertReceiver } from "../support/alert-receiver";
import { createIsolatedDatabase } from "../support/isolated-database";

const receiver = await startAlertReceiver();
const isolated = await createIsolatedDatabase("alerts_instances", { CARE_DESK_ALERT_WEBHOOK_URL: receiver.url });
const { alertRuleKeys } = await import("@/lib/alerts/rules");
const { updateAlertRule } = await import("@/lib/writes/alerts");
const { readDb } = await import("@/lib/db");
const { routeHandler } = await import("../support/route-handler");
const { deliver } = await import("../support/webhooks");
const { statusUpdate, uniqueId } = await import("../support/payloads");
const { asAdmin } = await import("../support/callers");

let instances: Awaited<ReturnType<typeof startTwoInstances>> | undefined;
afterAll(async () => {
  await instances?.kill();
  await isolated.drop();
  await receiver.stop();
});

const root = path.resolve(import.meta.dirname, "../..");
type Report = { evaluation: { fired: string[]; resolved: string[] }; delivery: { sent: number; failed: number } };

/** Two instance processes; `at(now)` tells both at once to evaluate at `now` and returns what each did. */
async function startTwoInstances() {
  const env = { ...process.env, DATABASE_URL: isolated.databaseUrl, CARE_DESK_ALERT_WEBHOOK_URL: receiver.url, NODE_ENV: "production" as const };
  const children = [0, 1].map(() => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/alerts-instance.ts"], { cwd: root, env, stdio: ["pipe", "pipe", "pipe"] });
    const state = { out: "", err: "", exited: null as number | null };
    child.stdout.on("data", (chunk) => (state.out += String(chunk)));
    child.stderr.on("data", (chunk) => (state.err += String(chunk)));
    child.on("exit", (code) => (state.exited = code ?? -1));
    return { child, state };
  });
  /** Waits until every instance has printed `count` lines. */
  const lines = async (count: number) => {
    for (;;) {
      for (const { state } of children) if (state.exited !== null) throw new Error(`an instance exited (${state.exited}): ${state.err}`);
      if (children.every(({ state }) => state.out.split("\n").filter(Boolean).length >= count)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await lines(1);
  let round = 1;
  return {
    async at(now: Date): Promise<Report[]> {
      for (const { child } of children) child.stdin.write(`go ${now.toISOString()}\n`);
      round++;
      await lines(round);
      return children.map(({ state }) => JSON.parse(state.out.split("\n").filter(Boolean)[round - 1]!) as Report);
    },
    kill: () => Promise.all(children.map(({ child }) => child.exitCode === null && child.kill())),
    stop: () => Promise.all(children.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.on("exit", resolve), child.stdin.write("exit\n")))))),
  };
}

describe("alerts on two instances", () => {
  it("fire once, resolve once, and are sent once", async () => {
    for (const key of alertRuleKeys) await updateAlertRule(asAdmin, key, key === "stuck_new" ? "reset" : { threshold: 0, businessHoursOnly: false });
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", new Date(Date.now() - 45 * 60_000).toISOString()));

    instances = await startTwoInstances();
    const firing = await instances.at(new Date());
    expect(firing.flatMap((report) => report.evaluation.fired)).toEqual(["stuck_new"]);
    expect(firing.reduce((sum, report) => sum + report.delivery.sent, 0)).toBe(1);
    const db = await readDb();
    expect(await db.alert.count({ where: { rule: "stuck_new" } })).toBe(1);
    expect(receiver.received).toEqual([expect.objectContaining({ rule: "stuck_new", state: "firing" })]);

    await deliver(routeHandler, statusUpdate(id, "new", "closed", new Date().toISOString()));
    const resolving = await instances.at(new Date());
    await instances.stop();
    expect(resolving.flatMap((report) => report.evaluation.resolved)).toEqual(["stuck_new"]);
    expect(await db.alert.count({ where: { rule: "stuck_new" } })).toBe(1);
    expect(await db.alertNotification.count()).toBe(2);
    expect(receiver.received.map((body) => body.state)).toEqual(["firing", "resolved"]);
  }, 120_000);
});
