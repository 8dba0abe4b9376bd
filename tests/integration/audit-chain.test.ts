// The audit chain on its own database (this file tampers with rows): concurrent appends make one
// gapless chain that verifies; `npm run audit:verify` (the real script) finds an edited, a deleted
// and an inserted row, naming the first bad one; purging old events keeps the chain verifiable
// from its anchor; print views carried over by the migration are sealed into the chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolated-database";
import { rawSql, runAuditVerify } from "../support/audit";

const setup = await createIsolatedDatabase("audit-chain");
const { databaseUrl } = setup;
const { recordAudit } = await import("@/lib/audit/record");
const { appendAuditRow } = await import("@/lib/audit/append");
const { verifyAuditChain } = await import("@/lib/audit/verify");
const { purgeExpiredAuditEvents } = await import("@/lib/audit/retention");
const { readDb } = await import("@/lib/db");
const { asCoordinator } = await import("../support/callers");

const context = { ip: "203.0.113.9", userAgent: "chain-test" };

const record = (consultationId: number) =>
  recordAudit(asCoordinator, context, { action: "consultation.viewed", consultationId, recommendationId: null, detail: { via: "api", versions: 0 } });

describe("the audit chain", () => {
  beforeAll(async () => {
    // 60 appends at once: they share commits, and the chain must come out whole.
    await Promise.all(Array.from({ length: 60 }, (_, i) => record(1000 + i)));
  });
  afterAll(async () => {
    await setup.drop();
  });

  it("is gapless and verifies after concurrent appends, and the result is kept", async () => {
    const db = await readDb();
    const seqs = (await db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map((row) => Number(row.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const result = await verifyAuditChain("job");
    expect(result).toMatchObject({ outcome: "intact", events: seqs.length, firstBadSeq: null });
    expect(await db.auditVerification.findFirst({ orderBy: { id: "desc" } })).toMatchObject({ outcome: "intact", events: seqs.length, trigger: "job" });
    const verified = await runAuditVerify(databaseUrl);
    expect(verified.output).toContain(`intact, ${seqs.length} events`);
    expect(verified.code).toBe(0);
  });

  it("is read on /audit by filter, newest first, in keyset pages", async () => {
    const { listAuditEvents } = await import("@/lib/data/audit");
    const { parseAuditQuery } = await import("@/lib/schemas/audit-query");
    const { asAuditor } = await import("../support/callers");
    const query = (params: Record<string, string>) => {
      const parsed = parseAuditQuery(params);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return parsed.query;
    };
    const one = await listAuditEvents(asAuditor, query({ consultation: "1005" }));
    expect(one.items.map((item) => item.consultationId)).toEqual([1005]);
    const byUser = await listAuditEvents(asAuditor, query({ user: asCoordinator.email, action: "consultation.viewed", outcome: "allowed" }), 25);
    expect(byUser.items).toHaveLength(25);
    expect(byUser.items[0]!.seq).toBeGreaterThan(byUser.items[24]!.seq);
    const next = await listAuditEvents(asAuditor, { ...query({ user: asCoordinator.userId }), after: byUser.page.next! }, 25);
    expect(next.items[0]!.seq).toBeLessThan(byUser.items[24]!.seq);
    expect(next.page.prev).toBe(next.items[0]!.seq);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(asAuditor, query({ from: today, to: today, tz: "UTC", consultation: "1010" }))).items).toHaveLength(1);
    expect((await listAuditEvents(asAuditor, query({ to: "2020-01-01", tz: "UTC" }))).items).toEqual([]);
    expect((await listAuditEvents(asAuditor, query({ outcome: "denied" }))).items).toEqual([]);
    expect(parseAuditQuery({ action: "drop.table" }).ok).toBe(false);
    await expect(listAuditEvents(asCoordinator, query({}))).rejects.toThrow("audit:read");
  });

  it("names an edited row", async () => {
    const [row] = await rawSql(databaseUrl, `SELECT "detail" FROM "AuditEvent" WHERE "seq" = 7`);
    await rawSql(databaseUrl, `UPDATE "AuditEvent" SET "detail" = '{"via":"page","versions":0}' WHERE "seq" = 7`);
    const broken = await runAuditVerify(databaseUrl);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain("BROKEN at event 7");
    expect(broken.output).toContain("changed after it was recorded");
    await rawSql(databaseUrl, `UPDATE "AuditEvent" SET "detail" = $1 WHERE "seq" = 7`, [row!.detail]);
    expect((await verifyAuditChain("job")).outcome).toBe("intact");
  });

  it("names a deleted row", async () => {
    const db = await readDb();
    const saved = await db.auditEvent.findUniqueOrThrow({ where: { seq: 12n } });
    await rawSql(databaseUrl, `DELETE FROM "AuditEvent" WHERE "seq" = 12`);
    const broken = await runAuditVerify(databaseUrl);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain("BROKEN at event 12");
    expect(broken.output).toContain("missing (deleted)");
    // Put it back exactly as it was (an intruder could; only a correct row verifies).
    const { writeTransaction } = await import("@/lib/db");
    await writeTransaction((tx) => tx.auditEvent.create({ data: saved }));
    expect((await verifyAuditChain("job")).outcome).toBe("intact");
  });

  it("names a row inserted after the head, and one inserted in place of another", async () => {
    const db = await readDb();
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    const last = await db.auditEvent.findUniqueOrThrow({ where: { seq: head.seq } });
    const { writeTransaction } = await import("@/lib/db");
    // Chained correctly after the last row, but no append wrote it: the head does not know it.
    const { hashRow } = await import("@/lib/audit/hash");
    const forged = { ...last, seq: head.seq + 1n, detail: '{"forged":true}', prevHash: last.hash };
    forged.hash = hashRow(forged.prevHash, forged);
    await writeTransaction((tx) => tx.auditEvent.create({ data: forged }));
    const broken = await runAuditVerify(databaseUrl);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`BROKEN at event ${head.seq + 1n}`);
    expect(broken.output).toContain("inserted");
    await rawSql(databaseUrl, `DELETE FROM "AuditEvent" WHERE "seq" = $1`, [Number(head.seq + 1n)]);

    // A row slipped in by renumbering: seq 20 replaced by an invented event with seq 20.
    const saved = await db.auditEvent.findUniqueOrThrow({ where: { seq: 20n } });
    await rawSql(databaseUrl, `DELETE FROM "AuditEvent" WHERE "seq" = 20`);
    const invented = { ...saved, actorId: "someone-else", actorLabel: "someone@example.test" };
    invented.hash = hashRow(invented.prevHash, invented);
    await writeTransaction((tx) => tx.auditEvent.create({ data: invented }));
    const replaced = await runAuditVerify(databaseUrl);
    expect(replaced.code).toBe(1);
    expect(replaced.output).toContain("BROKEN at event 21");
    expect(replaced.output).toContain("does not follow the event before it");
    await rawSql(databaseUrl, `DELETE FROM "AuditEvent" WHERE "seq" = 20`);
    await writeTransaction((tx) => tx.auditEvent.create({ data: saved }));
    expect((await verifyAuditChain("job")).outcome).toBe("intact");
  });

  it("stays verifiable from its anchor after old events are purged", async () => {
    const db = await readDb();
    const before = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    // Ten events of seven years ago, then two of today: the old ones expire (6-year retention).
    const old = new Date(Date.now() - 7 * 366 * 24 * 60 * 60 * 1000);
    // Appended like any event, only with an old time (the appender never sets a time itself).
    for (let i = 0; i < 10; i++) {
      await appendAuditRow({
        at: old, actorKind: "system", actorId: null, actorLabel: "test", role: null, ip: null, userAgent: null, action: "consultation.viewed", outcome: "allowed",
        consultationId: 1n, recommendationId: null, deliveryId: null, subjectUserId: null, subjectTokenId: null, detail: "{}",
      });
    }
    await record(2001);
    await record(2002);
    // Only a prefix of the chain is ever purged: its first events are recent, so the old ones
    // after them stay (cutting the chain in the middle would break it).
    const result = await purgeExpiredAuditEvents(new Date(), { retentionDays: 6 * 365 });
    expect(result.purged).toBe(0);
    // Now pretend the whole trail is old: every event but the last expires.
    const future = await purgeExpiredAuditEvents(new Date(Date.now() + 8 * 366 * 24 * 60 * 60 * 1000), { retentionDays: 6 * 365 });
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(future.purged).toBe(Number(before.seq) + 12 - 1);
    expect(head.anchorSeq).toBe(BigInt(future.anchorSeq));
    expect(head.purged).toBe(BigInt(future.purged));
    // The purge is itself recorded (after the anchor), and the kept chain verifies.
    const purgedEvent = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.purged" }, orderBy: { seq: "desc" } });
    expect(JSON.parse(purgedEvent.detail)).toMatchObject({ purged: future.purged, anchorSeq: future.anchorSeq });
    expect(await verifyAuditChain("job")).toMatchObject({ outcome: "intact", events: 2 });
    // Deleting the first kept row is still found, though the anchor moved.
    await rawSql(databaseUrl, `DELETE FROM "AuditEvent" WHERE "seq" = $1`, [future.anchorSeq + 1]);
    const broken = await runAuditVerify(databaseUrl);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`BROKEN at event ${future.anchorSeq + 1}`);
  });
});
