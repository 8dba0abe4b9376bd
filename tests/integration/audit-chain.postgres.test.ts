// Two app instances on one PostgreSQL appending to the audit trail at once (every request below is
// a recorded consultation read): the chain head's row lock serialises their transactions, so the
// chain comes out as one: gapless seqs, each row chained to the one before, verification intact.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { readDb } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify";
import { serverEnv } from "../support/deliveries";
import { pool, startNextServer, type RunningServer } from "../support/next-server";
import { recommendation, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { deliver } from "../support/webhooks";

describe("two instances appending to one audit chain", () => {
  let first: RunningServer;
  let second: RunningServer;
  beforeAll(async () => {
    [first, second] = await Promise.all([startNextServer(serverEnv()), startNextServer(serverEnv())]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("make one unforked chain", async () => {
    const id = uniqueId();
    await deliver(routeHandler, recommendation(id, "2024-09-06T10:00:00Z"));
    const { token } = await createApiToken({ name: `two instances ${randomUUID().slice(0, 8)}`, role: "coordinator" });
    const requests = Array.from({ length: 240 }, (_, i) => (i % 2 ? first.url : second.url));
    const statuses = await pool(requests, 24, async (url) => (await fetch(`${url}/api/consultations/${id}`, { headers: { authorization: `Bearer ${token}` } })).status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    const db = await readDb();
    const rows = await db.auditEvent.findMany({ where: { consultationId: BigInt(id) }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(rows).toHaveLength(requests.length);
    // The whole chain (other tests append to it too) has no gap and no fork, and verifies.
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    const stored = await db.auditEvent.count({ where: { seq: { gt: head.anchorSeq, lte: head.seq } } });
    expect(BigInt(stored)).toBe(head.seq - head.anchorSeq);
    const forks = await db.auditEvent.groupBy({ by: ["prevHash"], _count: { seq: true }, having: { seq: { _count: { gt: 1 } } } });
    expect(forks).toEqual([]);
    expect(await verifyAuditChain("job")).toMatchObject({ outcome: "intact", firstBadSeq: null });
  }, 180_000);
});
