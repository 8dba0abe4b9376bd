// The worklist's tasks: created from a recommendation's follow-up items and referral, reconciled
// when a revision arrives (added, withdrawn, unchanged, brought back), never duplicated by
// redelivery, out-of-order delivery or reprocessing, backfilled for recommendations stored
// before, changed only at the version the coordinator saw, and erased with their consultation.
// Every assertion is scoped to this test's own consultations (or tasks assigned to its own user).
import { describe, expect, it } from "vitest";
import { readDb, writeBatch } from "@/lib/db";
import type { Caller } from "@/lib/auth/permissions";
import { PermissionDeniedError } from "@/lib/auth/permissions";
import { countWorklist, getTask, listConsultationTasks, listWorklist } from "@/lib/data/tasks";
import { reprocessDeliveries } from "@/lib/reprocess/reprocess";
import { backfillTasks } from "@/lib/tasks/backfill";
import { backfillSettingKey } from "@/lib/tasks/items";
import { desiredTasks } from "@/lib/tasks/reconcile";
import { changeTask } from "@/lib/writes/tasks";
import { eraseConsultation } from "@/lib/writes/erase-consultation";
import { asAdmin, asAuditor } from "../support/callers";
import { recommendation, recommendationData, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { createTestUser } from "../support/users";
import { deliver } from "../support/webhooks";
import { timeWindow } from "../support/time-window";

const dayMs = 86_400_000;

const data = (followUps: string[], referral: string | null) =>
  recommendationData({ followUp: followUps.map((name) => ({ name })), doctorReferral: referral === null ? null : { name: referral } });

async function tasksOf(consultationId: number) {
  const db = await readDb();
  return db.task.findMany({
    where: { consultationId: BigInt(consultationId) },
    orderBy: [{ kind: "asc" }, { itemKey: "asc" }],
    select: { id: true, kind: true, itemKey: true, title: true, state: true, withdrawnAt: true, dueAt: true, version: true, recommendationId: true, notes: true, assigneeId: true },
  });
}

const live = (tasks: Awaited<ReturnType<typeof tasksOf>>) => tasks.filter((task) => task.withdrawnAt === null).map((task) => `${task.kind}:${task.itemKey}`);

async function coordinator(): Promise<Extract<Caller, { kind: "user" }>> {
  const user = await createTestUser("coordinator");
  return { kind: "user", userId: user.id, email: user.email, name: "Test coordinator", role: "coordinator", sessionId: `s-${user.id}` };
}

describe("item identity", () => {
  it("normalises case and spaces, numbers repeated identical items, skips blank ones", () => {
    expect(desiredTasks(["  Do Lab  Test ", "do lab test", "", null, "X-ray"], " Cardiologist ")).toEqual([
      { kind: "follow_up", itemKey: "do lab test#1", title: "  Do Lab  Test " },
      { kind: "follow_up", itemKey: "do lab test#2", title: "do lab test" },
      { kind: "follow_up", itemKey: "x-ray#1", title: "X-ray" },
      { kind: "referral", itemKey: "cardiologist#1", title: " Cardiologist " },
    ]);
    const long = "a".repeat(5000);
    const [task] = desiredTasks([long], null);
    expect(task!.itemKey.length).toBeLessThan(200);
    expect(desiredTasks([`${long}b`], null)[0]!.itemKey).not.toBe(task!.itemKey);
  });
});

describe("tasks from recommendations", () => {
  it("creates one task per follow-up item and one for the referral, due after the configured days", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, recommendation(id, at(10), data(["Do Lab Test", "Do the required radiation", "do lab test"], "Cardiologist")));
    const tasks = await tasksOf(id);
    expect(tasks.map((task) => [task.kind, task.itemKey, task.title, task.state, task.version])).toEqual([
      ["follow_up", "do lab test#1", "Do Lab Test", "open", 1],
      ["follow_up", "do lab test#2", "do lab test", "open", 1],
      ["follow_up", "do the required radiation#1", "Do the required radiation", "open", 1],
      ["referral", "cardiologist#1", "Cardiologist", "open", 1],
    ]);
    const eventMs = Date.parse(at(10));
    const db = await readDb();
    const consultation = await db.consultation.findUnique({ where: { id: BigInt(id) }, select: { recommendationId: true } });
    for (const task of tasks) {
      expect(task.dueAt.getTime()).toBe(Math.floor(eventMs) + (task.kind === "referral" ? 14 : 7) * dayMs);
      expect(task.recommendationId).toBe(consultation!.recommendationId);
      expect(task.withdrawnAt).toBeNull();
    }
  });

  it("a revision adds new items, withdraws dropped ones, keeps unchanged ones as they are; a later one brings an item back", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    const caller = await coordinator();
    await deliver(routeHandler, recommendation(id, at(20), data(["Do Lab Test", "Radiology", "do lab test"], "Cardiologist")));
    const first = await tasksOf(id);
    const lab = first.find((task) => task.itemKey === "do lab test#1")!;
    expect(await changeTask(caller, { change: "complete", taskId: lab.id, version: 1 })).toMatchObject({ ok: true });

    await deliver(routeHandler, recommendation(id, at(21), data(["DO LAB TEST", "Physiotherapy"], "Cardiologist")));
    const second = await tasksOf(id);
    expect(live(second)).toEqual(["follow_up:do lab test#1", "follow_up:physiotherapy#1", "referral:cardiologist#1"]);
    const byKey = new Map(second.map((task) => [task.itemKey, task]));
    // Unchanged: its state (done), title and version stay.
    expect(byKey.get("do lab test#1")).toMatchObject({ state: "done", version: 2, title: "Do Lab Test", withdrawnAt: null });
    expect(byKey.get("cardiologist#1")).toMatchObject({ state: "open", version: 1 });
    // Withdrawn by the doctor: kept, marked.
    expect(byKey.get("radiology#1")!.withdrawnAt).toBeInstanceOf(Date);
    expect(byKey.get("do lab test#2")!.withdrawnAt).toBeInstanceOf(Date);
    // Added, introduced by the new version.
    const db = await readDb();
    const current = await db.consultation.findUnique({ where: { id: BigInt(id) }, select: { recommendationId: true } });
    expect(byKey.get("physiotherapy#1")).toMatchObject({ state: "open", recommendationId: current!.recommendationId });
    expect(second).toHaveLength(5);

    // A third version brings Radiology back and drops the referral.
    await deliver(routeHandler, recommendation(id, at(22), data(["Do Lab Test", "Radiology", "Physiotherapy"], null)));
    const third = await tasksOf(id);
    expect(live(third)).toEqual(["follow_up:do lab test#1", "follow_up:physiotherapy#1", "follow_up:radiology#1"]);
    expect(third.find((task) => task.itemKey === "radiology#1")).toMatchObject({ withdrawnAt: null, state: "open" });
    expect(third.find((task) => task.kind === "referral")!.withdrawnAt).toBeInstanceOf(Date);
    expect(third).toHaveLength(5);
  });

  it("an older version arriving late changes nothing: the tasks follow the current (latest) version", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, recommendation(id, at(31), data(["Newer item"], null)));
    await deliver(routeHandler, recommendation(id, at(30), data(["Older item"], "Old referral")));
    expect(live(await tasksOf(id))).toEqual(["follow_up:newer item#1"]);
    // The older version was never current: none of its items became a task.
    expect(await tasksOf(id)).toHaveLength(1);
  });

  it("redelivery (same message or a new webhook id) and reprocessing never duplicate or change a task", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    const caller = await coordinator();
    const body = recommendation(id, at(40), data(["Follow up in a week", "Follow up in a week"], "Dermatologist"));
    await deliver(routeHandler, body);
    const before = await tasksOf(id);
    expect(before).toHaveLength(3);
    expect(await changeTask(caller, { change: "notes", taskId: before[0]!.id, version: 1, notes: "Called the member <b>twice</b>" })).toMatchObject({ ok: true });
    const changed = await tasksOf(id);

    expect((await deliver(routeHandler, body)).outcome).toBe("duplicate");
    expect((await deliver(routeHandler, body, { webhookId: `msg_${uniqueId()}` })).outcome).toBe("processed");
    await Promise.all([deliver(routeHandler, body, { webhookId: `msg_${uniqueId()}` }), deliver(routeHandler, body, { webhookId: `msg_${uniqueId()}` })]);
    expect(await tasksOf(id)).toEqual(changed);

    const dry = await reprocessDeliveries(asAdmin, { consultationId: id, outcome: "processed" }, { dryRun: true });
    expect(dry.selected).toBeGreaterThanOrEqual(2);
    await reprocessDeliveries(asAdmin, { consultationId: id, outcome: "processed" }, { dryRun: false });
    await reprocessDeliveries(asAdmin, { consultationId: id, outcome: "processed" }, { dryRun: false });
    expect(await tasksOf(id)).toEqual(changed);
  });

  it("reprocessing creates the tasks a stored recommendation lacks", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, recommendation(id, at(45), data(["Blood test"], "Neurologist")));
    const db = await readDb();
    await writeBatch((session) => session.run(`DELETE FROM "Task" WHERE "consultationId" = ?`, [BigInt(id)]));
    expect(await tasksOf(id)).toHaveLength(0);
    await reprocessDeliveries(asAdmin, { consultationId: id, outcome: "processed" }, { dryRun: false });
    expect(live(await tasksOf(id))).toEqual(["follow_up:blood test#1", "referral:neurologist#1"]);
    expect(await db.task.count({ where: { consultationId: BigInt(id) } })).toBe(2);
  });

  it("the start-up backfill creates tasks for recommendations stored before the worklist, once", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, recommendation(id, at(50), data(["Old follow-up"], "Old referral")));
    // As a database migrated from before the worklist: the recommendation, no tasks, no marker.
    await writeBatch(async (session) => {
      await session.run(`DELETE FROM "Task" WHERE "consultationId" = ?`, [BigInt(id)]);
      await session.run(`DELETE FROM "Setting" WHERE "key" = ?`, [backfillSettingKey]);
    });
    const result = await backfillTasks();
    expect(result.skipped).toBe(false);
    expect(result.consultations).toBeGreaterThanOrEqual(1);
    expect(live(await tasksOf(id))).toEqual(["follow_up:old follow-up#1", "referral:old referral#1"]);
    // Marked done: the next start skips it.
    await writeBatch((session) => session.run(`DELETE FROM "Task" WHERE "consultationId" = ?`, [BigInt(id)]));
    expect(await backfillTasks()).toEqual({ consultations: 0, skipped: true });
    expect(await tasksOf(id)).toHaveLength(0);
  });

  it("erasing the consultation removes its tasks", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, recommendation(id, at(55), data(["Erase me"], null)));
    expect(await tasksOf(id)).toHaveLength(1);
    await eraseConsultation(asAdmin, BigInt(id));
    expect(await tasksOf(id)).toHaveLength(0);
  });
});

describe("changing a task", () => {
  it("applies each change at the version seen and refuses a stale version without overwriting", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    const [alice, bob] = [await coordinator(), await coordinator()];
    await deliver(routeHandler, recommendation(id, at(60), data(["Call the member"], null)));
    const [task] = await tasksOf(id);
    const taskId = task!.id;

    expect(await changeTask(alice, { change: "assign", taskId, version: 1, assignee: "me" })).toMatchObject({ ok: true });
    // Bob saw version 1 too: his note is refused, Alice's assignment stands.
    const stale = await changeTask(bob, { change: "notes", taskId, version: 1, notes: "Bob's note" });
    expect(stale).toMatchObject({ ok: false, reason: "conflict", message: expect.stringContaining("Someone else changed this task") });
    expect(await tasksOf(id)).toEqual([expect.objectContaining({ assigneeId: alice.userId, notes: null, version: 2 })]);

    // With the fresh state he can act.
    const fresh = await getTask(bob, taskId, new Date());
    expect(fresh).toMatchObject({ version: 2, assignee: { id: alice.userId } });
    expect(await changeTask(bob, { change: "dismiss", taskId, version: 2, reason: "Member declined" })).toMatchObject({ ok: true });
    expect(await getTask(bob, taskId, new Date())).toMatchObject({ state: "dismissed", dismissReason: "Member declined", closedBy: "Test coordinator", version: 3 });
    expect(await changeTask(alice, { change: "complete", taskId, version: 3 })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await changeTask(alice, { change: "reopen", taskId, version: 3 })).toMatchObject({ ok: true });
    expect(await changeTask(alice, { change: "due", taskId, version: 4, due: "2030-01-15" }, { timeZone: "Asia/Tokyo" })).toMatchObject({ ok: true });
    expect(await getTask(alice, taskId, new Date())).toMatchObject({ state: "open", dismissReason: null, closedBy: null, dueAt: "2030-01-15T14:59:59.999Z", version: 5 });
    expect(await changeTask(alice, { change: "assign", taskId, version: 5, assignee: "nobody" })).toMatchObject({ ok: true });
    expect((await getTask(alice, taskId, new Date()))!.assignee).toBeNull();
  });

  it("two coordinators at the same moment: exactly one change wins, the other is told", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    const [alice, bob] = [await coordinator(), await coordinator()];
    await deliver(routeHandler, recommendation(id, at(65), data(["Race"], null)));
    const [task] = await tasksOf(id);
    const results = await Promise.all([
      changeTask(alice, { change: "complete", taskId: task!.id, version: 1 }),
      changeTask(bob, { change: "dismiss", taskId: task!.id, version: 1, reason: "duplicate" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "conflict")).toHaveLength(1);
    const [after] = await tasksOf(id);
    expect(after!.version).toBe(2);
    expect(after!.state).toBe(results[0]!.ok ? "done" : "dismissed");
  });

  it("a revision that withdraws a task bumps its version: a coordinator's stale change is refused", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    const alice = await coordinator();
    await deliver(routeHandler, recommendation(id, at(70), data(["Gone soon"], null)));
    const [task] = await tasksOf(id);
    await deliver(routeHandler, recommendation(id, at(71), data([], null)));
    expect(await changeTask(alice, { change: "complete", taskId: task!.id, version: 1 })).toMatchObject({ ok: false, reason: "conflict" });
  });

  it("an auditor may neither change nor read tasks; an assignee must be a coordinator or admin", async () => {
    const { at } = timeWindow();
    const id = uniqueId();
    const alice = await coordinator();
    const auditor = await createTestUser("auditor");
    await deliver(routeHandler, recommendation(id, at(75), data(["Permission"], null)));
    const [task] = await tasksOf(id);
    await expect(changeTask(asAuditor, { change: "complete", taskId: task!.id, version: 1 })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listConsultationTasks(asAuditor, id, new Date())).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await changeTask(alice, { change: "assign", taskId: task!.id, version: 1, assignee: auditor.id })).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("the worklist query", () => {
  it("shows open tasks still current, overdue first, filtered by kind, assignee, due date and consultation status, paged", async () => {
    const { at } = timeWindow();
    const alice = await coordinator();
    const [a, b] = [uniqueId(), uniqueId()];
    await deliver(routeHandler, recommendation(a, at(80), data(["One", "Two", "Three"], "Referral A")));
    await deliver(routeHandler, recommendation(b, at(81), data(["Four"], null)));
    const all = [...(await tasksOf(a)), ...(await tasksOf(b))];
    // Everything assigned to Alice, so the query can be scoped to this test's tasks.
    for (const task of all) expect(await changeTask(alice, { change: "assign", taskId: task.id, version: task.version, assignee: "me" })).toMatchObject({ ok: true });
    const byTitle = async (title: string) => (await tasksOf(title === "Four" ? b : a)).find((task) => task.title === title)!;
    const now = new Date();
    const inThreeDays = new Date(now.getTime() + 3 * dayMs).toISOString().slice(0, 10);
    // Two is overdue, One due this week, Referral A and Three later; Four done (so not listed).
    for (const [title, due] of [["Two", "2001-01-01"], ["One", inThreeDays], ["Referral A", "2998-06-01"], ["Three", "2999-01-01"]] as const) {
      const task = await byTitle(title);
      expect(await changeTask(alice, { change: "due", taskId: task.id, version: task.version, due })).toMatchObject({ ok: true });
    }
    const four = await byTitle("Four");
    await changeTask(alice, { change: "complete", taskId: four.id, version: four.version });

    const titles = async (query: Parameters<typeof listWorklist>[1], limit?: number) => (await listWorklist(alice, { assignee: "mine", ...query }, now, limit)).items.map((task) => task.title);
    const ordered = await titles({});
    expect(ordered).toEqual(["Two", "One", "Referral A", "Three"]);
    expect(await titles({ kind: "referral" })).toEqual(["Referral A"]);
    expect(await titles({ due: "overdue" })).toEqual(["Two"]);
    expect(await titles({ due: "week" })).toEqual(["One"]);
    expect(await titles({ due: "later" })).toEqual(["Referral A", "Three"]);
    expect(await titles({ assignee: alice.userId, kind: "follow_up" })).toEqual(ordered.filter((title) => title !== "Referral A"));
    expect(await titles({ status: "new" })).toEqual([]);
    expect(await countWorklist(alice, { assignee: "mine" }, now)).toBe(4);

    // Keyset paging: two pages of two, in the same order.
    const first = await listWorklist(alice, { assignee: "mine" }, now, 2);
    expect(first.next).not.toBeNull();
    const second = await listWorklist(alice, { assignee: "mine", after: first.next! }, now, 2);
    expect([...first.items, ...second.items].map((task) => task.title)).toEqual(ordered);
    expect(second.next).toBeNull();

    // Unassigned: not Alice's.
    const unassigned = await listWorklist(alice, { assignee: "unassigned" }, now, 500);
    expect(unassigned.items.some((task) => task.consultationId === a || task.consultationId === b)).toBe(false);
    const consultationTasks = await listConsultationTasks(alice, b, now);
    expect(consultationTasks).toEqual([expect.objectContaining({ title: "Four", state: "done", closedBy: "Test coordinator" })]);
  });
});
