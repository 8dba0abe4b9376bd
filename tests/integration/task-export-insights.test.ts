// The worklist's instance-wide figures on a database of this file's own (so whole-table counts are
// exact): due days from the configuration, /insights' open and overdue tasks by kind, the list's
// open/overdue counts, GET /api/tasks/export (CSV, formula rule, audited before the first byte,
// who may), and GET /api/tasks/changes (the live refresh sees a new task).
import { afterAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";

const isolated = await createIsolatedDatabase("tasks", { CARE_DESK_FOLLOW_UP_DUE_DAYS: "3", CARE_DESK_REFERRAL_DUE_DAYS: "5" });
const { readDb } = await import("@/lib/db");
const { GET: exportTasks } = await import("@/app/api/tasks/export/route");
const { GET: taskChanges } = await import("@/app/api/tasks/changes/route");
const { getTaskInsights } = await import("@/lib/data/task-insights");
const { countOpenTasks } = await import("@/lib/data/tasks");
const { changeTask } = await import("@/lib/writes/tasks");
const { taskCsvColumns } = await import("@/lib/present/task-csv");
const { asCoordinator } = await import("../support/callers");
const { readCsvDownload } = await import("../support/csv-download");
const { recommendation, recommendationData, uniqueId } = await import("../support/payloads");
const { routeHandler } = await import("../support/route-handler");
const { bearerFor, createTestUser } = await import("../support/users");
const { deliver } = await import("../support/webhooks");

afterAll(async () => {
  await isolated.drop();
});

const dayMs = 86_400_000;
const data = (followUps: string[], referral: string | null) =>
  recommendationData({ followUp: followUps.map((name) => ({ name })), doctorReferral: referral === null ? null : { name: referral } });

// Event times: one long past (its tasks overdue), one far ahead (not yet due).
const past = "2024-03-01T09:00:00.123456Z";
const future = "2999-03-01T09:00:00.123456Z";
const [a, b] = [uniqueId(), uniqueId()];
await deliver(routeHandler, recommendation(a, past, data(["=HYPERLINK(\"http://x\")", "Blood test"], "Cardiologist")));
await deliver(routeHandler, recommendation(b, future, data(["Physiotherapy"], null)));

describe("tasks instance-wide", () => {
  it("are due after the configured days per kind", async () => {
    const db = await readDb();
    const tasks = await db.task.findMany({ where: { consultationId: BigInt(a) }, select: { kind: true, dueAt: true } });
    for (const task of tasks) expect(task.dueAt.getTime()).toBe(Date.parse(past) + (task.kind === "referral" ? 5 : 3) * dayMs);
  });

  it("insights and the list's counts give open and overdue tasks, by kind, without closed or withdrawn ones", async () => {
    expect(await getTaskInsights(asCoordinator)).toEqual([
      { kind: "follow_up", open: 3, overdue: 2 },
      { kind: "referral", open: 1, overdue: 1 },
    ]);
    expect(await countOpenTasks(asCoordinator, new Date())).toEqual({ open: 4, overdue: 3 });
    // A done task and a withdrawn one leave both.
    const user = await createTestUser("coordinator");
    const db = await readDb();
    const blood = await db.task.findFirstOrThrow({ where: { consultationId: BigInt(a), title: "Blood test" } });
    const caller = { kind: "user" as const, userId: user.id, email: user.email, name: "c", role: "coordinator" as const, sessionId: "s" };
    expect(await changeTask(caller, { change: "complete", taskId: blood.id, version: blood.version })).toMatchObject({ ok: true });
    await deliver(routeHandler, recommendation(b, "2999-03-02T09:00:00Z", data([], null)));
    expect(await getTaskInsights(asCoordinator)).toEqual([
      { kind: "follow_up", open: 1, overdue: 1 },
      { kind: "referral", open: 1, overdue: 1 },
    ]);
    expect(await countOpenTasks(asCoordinator, new Date())).toEqual({ open: 2, overdue: 2 });
  });

  it("GET /api/tasks/export streams the worklist's filters as CSV, formula-safe, audited before the first byte", async () => {
    const coordinator = await bearerFor("coordinator");
    const response = await exportTasks(new Request(`http://localhost/api/tasks/export?kind=follow_up&tz=Asia/Tokyo`, { headers: { authorization: coordinator } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="care-desk-worklist-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { bytes, header, rows } = await readCsvDownload<Record<(typeof taskCsvColumns)[number], string>>(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual([...taskCsvColumns]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ consultation_id: String(a), kind: "follow_up", task: `'=HYPERLINK("http://x")`, state: "open", overdue: "yes", assignee: "", time_zone: "Asia/Tokyo" });
    expect(rows[0]!.due_local).toMatch(/\+09:00$/);
    const db = await readDb();
    const [event] = await db.auditEvent.findMany({ where: { action: "export.downloaded" }, orderBy: { seq: "desc" }, take: 1 });
    expect(JSON.parse(event!.detail)).toEqual({ query: "kind=follow_up", rows: 1, format: "csv", export: "tasks" });
  });

  it("GET /api/tasks/export: 401 without credentials, 403 for an auditor, 400 for a bad filter", async () => {
    expect((await exportTasks(new Request("http://localhost/api/tasks/export"))).status).toBe(401);
    expect((await exportTasks(new Request("http://localhost/api/tasks/export", { headers: { authorization: await bearerFor("auditor") } }))).status).toBe(403);
    const bad = await exportTasks(new Request("http://localhost/api/tasks/export?kind=lab", { headers: { authorization: await bearerFor("coordinator") } }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe("kind");
  });

  it("GET /api/tasks/changes lists a task created after the cursor", async () => {
    const coordinator = await bearerFor("coordinator");
    const first = await (await taskChanges(new Request("http://localhost/api/tasks/changes", { headers: { authorization: coordinator } }))).json();
    expect(first.cursor).not.toBeNull();
    const c = uniqueId();
    await deliver(routeHandler, recommendation(c, past, data(["New one"], null)));
    const db = await readDb();
    const created = await db.task.findFirstOrThrow({ where: { consultationId: BigInt(c) } });
    const next = await (await taskChanges(new Request(`http://localhost/api/tasks/changes?since=${encodeURIComponent(first.cursor)}`, { headers: { authorization: coordinator } }))).json();
    expect(next.changes).toContainEqual({ id: created.id, updatedAt: created.updatedAt.toISOString() });
    expect((await taskChanges(new Request("http://localhost/api/tasks/changes?id=1", { headers: { authorization: coordinator } }))).status).toBe(400);
  });
});
