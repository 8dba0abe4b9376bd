// Secure by default: with no WEBHOOK_* variable, the instance generates a Standard Webhooks
// signing secret, keeps it in the database, checks webhooks against it, and `npm run simulate`
// finds the same secret there. Rotation keeps the previous secret valid for 24 hours.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { NODE_ENV: "production" });
  delete process.env.WEBHOOK_SIGNING_SECRETS;
  delete process.env.WEBHOOK_BEARER_TOKEN;
  delete process.env.WEBHOOK_BASIC_AUTH;
});

import { POST } from "@/app/api/webhooks/route";
import { readDb } from "@/lib/db";
import { resolveDatabase } from "@/lib/db-config";
import { ensureStoredSecret, rotateStoredSecret, webhookAuthSource } from "@/lib/webhooks/signing-secret";
import { previousSecretValidityMs, signingSecretSettingKey } from "@/lib/webhooks/stored-secret";
import { readStoredSecret } from "@/scripts/simulator/stored-secret";
import { statusUpdate, uniqueId } from "../support/payloads";
import { webhookRequest } from "../support/webhooks";

const body = () => statusUpdate(uniqueId(), "new", "closed", "2024-06-01T08:00:00Z");

describe("no WEBHOOK_* variable: a generated signing secret kept in the database", () => {
  it("refuses unsigned webhooks and accepts those signed with the stored secret", async () => {
    expect(webhookAuthSource).toBe("database");
    const unsigned = await POST(webhookRequest(body(), { unsigned: true }));
    expect(unsigned.status).toBe(401);

    const db = await readDb();
    const row = await db.setting.findUniqueOrThrow({ where: { key: signingSecretSettingKey } });
    const stored = await ensureStoredSecret();
    expect(JSON.parse(row.value).current).toBe(stored.current);
    expect(stored.current).toMatch(/^whsec_/);

    expect((await POST(webhookRequest(body(), { secret: stored.current }))).status).toBe(200);
    const otherSecret = "whsec_" + Buffer.from("not-the-stored-secret-0123456789").toString("base64");
    expect((await POST(webhookRequest(body(), { secret: otherSecret }))).status).toBe(401);
  });

  it("is the secret npm run simulate reads from the same DATABASE_URL", async () => {
    const stored = await ensureStoredSecret();
    expect(await readStoredSecret(resolveDatabase(process.env.DATABASE_URL!))).toEqual(stored);
  });

  it("keeps the previous secret valid for 24 hours after a rotation, and not after", async () => {
    const before = await ensureStoredSecret();
    const rotated = await rotateStoredSecret();
    expect(rotated.current).not.toBe(before.current);
    expect(rotated.previous).toBe(before.current);
    expect(Date.parse(rotated.previousValidUntil!) - Date.parse(rotated.rotatedAt!)).toBe(previousSecretValidityMs);
    expect((await POST(webhookRequest(body(), { secret: rotated.current }))).status).toBe(200);
    expect((await POST(webhookRequest(body(), { secret: before.current }))).status).toBe(200);

    // A rotation made 25 hours ago: its previous secret has expired by now.
    const longAgo = await rotateStoredSecret(new Date(Date.now() - 25 * 60 * 60 * 1000));
    expect((await POST(webhookRequest(body(), { secret: longAgo.current }))).status).toBe(200);
    expect((await POST(webhookRequest(body(), { secret: rotated.current }))).status).toBe(401);
  });
});
