// Fail closed: on a database whose audit table refuses every insert (a trigger, as a full disk
// or a revoked grant would), the consultation page, the print page, the API, the list, the
// worklist, the Reveal action and the task actions send no medical data (and change nothing) and
// say why; the page answers plainly, the API 503.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";
import { rawSql } from "../support/audit";

const setup = await createIsolatedDatabase("audit-fail-closed");
const { databaseUrl } = setup;
const { startNextServer } = await import("../support/next-server");
const { serverActions, signInOver } = await import("../support/server-actions");
const { createTestUser } = await import("../support/users");
const { deliver } = await import("../support/webhooks");
const { routeHandler } = await import("../support/route-handler");
const { recommendation, recommendationData, uniqueId } = await import("../support/payloads");
const { serverEnv } = await import("../support/deliveries");

type Server = Awaited<ReturnType<typeof startNextServer>>;

const refuseAudit = databaseUrl.startsWith("file:")
  ? [`CREATE TRIGGER "audit_refused" BEFORE INSERT ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'audit trail refused (test)'); END`]
  : [
      `CREATE FUNCTION audit_refused() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit trail refused (test)'; END $$`,
      `CREATE TRIGGER "audit_refused" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_refused()`,
    ];

describe("when the audit row cannot be written", () => {
  let server: Server;
  let cookie = "";
  const id = uniqueId();
  const passCode = "555111";

  beforeAll(async () => {
    await deliver(
      routeHandler,
      recommendation(id, "2024-09-05T10:00:00Z", recommendationData({ dispense: { url: "https://web.altibb.com/p/9", pass_code: passCode, qr_code: "" } }), {}),
    );
    server = await startNextServer({ ...serverEnv(), DATABASE_URL: databaseUrl });
    const user = await createTestUser("coordinator");
    cookie = (await signInOver(server, user)).cookie;
    // Signed in first (sign-in's own event is written), then the audit table refuses everything.
    for (const statement of refuseAudit) await rawSql(databaseUrl, statement);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await setup.drop();
  });

  const page = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
    return { status: response.status, html: await response.text() };
  };

  it("the consultation page shows no medical data, and says why", async () => {
    const { html } = await page(`/consultations/${id}`);
    expect(html).toContain("Not shown: the audit trail is not available");
    for (const secret of ["Member (user id)", "Status timeline", passCode]) expect(html).not.toContain(secret);
  });

  it("the print page prints nothing", async () => {
    const { html } = await page(`/consultations/${id}/print`);
    expect(html).toContain("Not shown: the audit trail is not available");
    expect(html).not.toContain(passCode);
  });

  it("the list shows no rows", async () => {
    const { html } = await page(`/consultations`);
    expect(html).toContain("Not shown: the audit trail is not available");
    expect(html).not.toContain(String(id));
  });

  it("the API answers 503 with the common error body (the export sends no byte of CSV)", async () => {
    for (const path of [`/api/consultations/${id}`, `/api/consultations`, `/api/consultations/export`, `/api/tasks/export`]) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(503);
      expect(await response.json(), path).toEqual({ error: { code: "audit_unavailable", message: expect.any(String) } });
    }
  });

  it("the worklist shows no task, and a task action changes nothing", async () => {
    const { html } = await page("/worklist");
    expect(html).toContain("Not shown: the audit trail is not available");
    expect(html).not.toContain(String(id));
    const { readDb } = await import("@/lib/db");
    const db = await readDb();
    const task = await db.task.findFirstOrThrow({ where: { consultationId: BigInt(id) } });
    const response = await serverActions(server)("taskAction", "/worklist", { form: { taskId: String(task.id), version: String(task.version), change: "complete" } }, { cookie });
    expect(response.text).toContain("The audit trail is unavailable, so nothing was changed");
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ state: "open", version: task.version });
  });

  it("Reveal sends no pass code", async () => {
    const response = await serverActions(server)("revealDispenseAction", `/consultations/${id}`, { json: [id, 1] }, { cookie });
    expect(response.text).toContain("Not revealed: the audit trail could not record it");
    expect(response.text).not.toContain(passCode);
  });
});
