// The SQLite write rule under better-auth: sign-ins (session rows, rate-limit rows) and webhook
// ingestion at the same time. With plain writes on the shared connection a session could land
// inside an ingestion transaction and vanish with its rollback; through the serialised path,
// every session and every acknowledged delivery must be in the database afterwards.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/route";
import { readDb, writeTransaction } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";
import { clientHeaders, createTestUser } from "../support/users";
import { peerAddressHeader } from "@/lib/http/peer-address";

describe("sign-ins while webhooks are ingested", () => {
  it("keeps every session and every 2xx'd delivery", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => createTestUser("coordinator")));
    const consultationId = uniqueId();
    const statuses = ["new", "checking_medical_profile", "in_progress", "closed"];
    // Some deliveries fail validation (and roll back their transaction) on purpose.
    const bodies = Array.from({ length: 60 }, (_, i) =>
      i % 7 === 0
        ? { ...statusUpdate(consultationId, null, "new", "2024-03-01T10:00:00Z"), consultation_id: "not a number" }
        : statusUpdate(consultationId + (i % 3), null, statuses[i % 4]!, `2024-03-01T10:${String(i).padStart(2, "0")}:00Z`),
    );
    const signIns = users.flatMap((user) => [0, 1, 2].map(() => signInWithPassword(user.email, user.password, clientHeaders())));
    // Addresses no other test file signs in from (198.19.0.0/24): the counters must be this test's alone.
    const failureIps = users.map((_, i) => `198.19.0.${i + 1}`);
    const failures = users.map((user, i) => signInWithPassword(user.email, "not the password at all", new Headers({ [peerAddressHeader]: failureIps[i]! })));
    const deliveries = bodies.map((body) => POST(webhookRequest(body)));
    // Prisma transactions that write and then fail, the shape of the hazard: a plain write of
    // better-auth's on the shared connection would be rolled back with them.
    const rollbacks = Array.from({ length: 8 }, (_, i) =>
      writeTransaction(async (tx) => {
        await tx.setting.create({ data: { key: `rollback-${consultationId}-${i}`, value: "never committed" } });
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error("rolled back on purpose");
      }).catch((error: Error) => error.message),
    );

    const [signedIn, failed, responses, rolledBack] = await Promise.all([Promise.all(signIns), Promise.all(failures), Promise.all(deliveries), Promise.all(rollbacks)]);
    expect(rolledBack).toEqual(Array(8).fill("rolled back on purpose"));

    expect(signedIn.every((result) => result.ok)).toBe(true);
    expect(failed.every((result) => !result.ok && result.status === 401)).toBe(true);
    const db = await readDb();
    for (const user of users) {
      expect(await db.session.count({ where: { userId: user.id } }), user.email).toBe(3);
    }
    // The limiter's writes went through the same path: each failing IP's counter is there.
    const ipCounters = await db.rateLimiterFlexible.findMany({ where: { key: { in: failureIps.map((ip) => `sign-in-ip:${ip}`) } } });
    expect(ipCounters.map((row) => row.points)).toEqual(Array(users.length).fill(1));
    const acknowledged = await Promise.all(responses.filter((response) => response.ok).map((response) => response.json()));
    expect(acknowledged.length).toBeGreaterThan(40);
    for (const { delivery_id: id } of acknowledged) {
      expect(await db.webhookDelivery.findUnique({ where: { id } }), `delivery ${id}`).not.toBeNull();
    }
    expect(await db.setting.count({ where: { key: { startsWith: `rollback-${consultationId}-` } } })).toBe(0);
    const rejected = responses.filter((response) => !response.ok);
    expect(rejected.map((response) => response.status)).toEqual(Array(rejected.length).fill(400));
  });
});
