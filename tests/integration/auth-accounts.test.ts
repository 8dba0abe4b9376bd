// Accounts: user:create's code path, the setup link's single use and expiry, no public sign-up.
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { readDb, writeTransaction } from "@/lib/db";
import { claimSetupToken, createSetupToken, isSetupTokenUsable, issueSetupLinkIfNoAdmin } from "@/lib/auth/setup-link";
import { AccountInputError, createUserAccount } from "@/lib/auth/users";
import { createTestUser, testPassword } from "../support/users";

describe("createUserAccount (npm run user:create, /admin/users, the setup page)", () => {
  it("creates a user with a role and a scrypt password hash, never the password itself", async () => {
    const email = `Someone-${Date.now()}@Example.test`;
    const { id } = await createUserAccount({ email, role: "auditor", password: testPassword, name: "Some One" });
    const db = await readDb();
    const user = await db.user.findUniqueOrThrow({ where: { id }, include: { accounts: true } });
    expect(user).toMatchObject({ email: email.toLowerCase(), role: "auditor", name: "Some One" });
    expect(user.accounts).toHaveLength(1);
    expect(user.accounts[0]!.providerId).toBe("credential");
    expect(user.accounts[0]!.password).not.toContain(testPassword);
    expect(user.accounts[0]!.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it("refuses weak passwords, unknown roles, bad emails and a second account for one email", async () => {
    const user = await createTestUser("coordinator");
    const attempts = [
      { email: "short@example.test", role: "coordinator" as const, password: "too short" },
      { email: "common@example.test", role: "coordinator" as const, password: "password1234" },
      { email: "not-an-email", role: "coordinator" as const, password: testPassword },
      { email: "role@example.test", role: "superuser" as never, password: testPassword },
      { email: user.email, role: "coordinator" as const, password: testPassword },
    ];
    for (const attempt of attempts) await expect(createUserAccount(attempt), attempt.email).rejects.toBeInstanceOf(AccountInputError);
    expect(await (await readDb()).user.count({ where: { email: { in: ["short@example.test", "common@example.test", "role@example.test"] } } })).toBe(0);
  });

  it("has no public sign-up endpoint", async () => {
    const response = await authPost(
      new Request("http://localhost/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "walk-in@example.test", password: testPassword, name: "Walk In" }),
      }),
    );
    expect(response.status).toBe(404);
    expect(await (await readDb()).user.count({ where: { email: "walk-in@example.test" } })).toBe(0);
  });
});

describe("the setup link", () => {
  it("works once", async () => {
    const { token } = await createSetupToken();
    expect(await claimSetupToken(token)).toBe(true);
    expect(await claimSetupToken(token)).toBe(false);
  });

  it("expires after one hour", async () => {
    const { token, expiresAt } = await createSetupToken(new Date(Date.now() - 61 * 60 * 1000));
    expect(expiresAt.getTime()).toBeLessThan(Date.now());
    expect(await isSetupTokenUsable(token)).toBe(false);
    expect(await claimSetupToken(token)).toBe(false);
  });

  it("is kept only as a hash, and a new one replaces the unused one", async () => {
    const first = await createSetupToken();
    const second = await createSetupToken();
    const rows = await (await readDb()).setupToken.findMany({ where: { usedAt: null } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(second.token);
    expect(await claimSetupToken(first.token)).toBe(false);
    expect(await claimSetupToken(second.token)).toBe(true);
  });

  it("is not issued once an admin exists, and an existing one stops working", async () => {
    const { token } = await createSetupToken();
    await createTestUser("admin");
    expect(await issueSetupLinkIfNoAdmin()).toBeNull();
    expect(await isSetupTokenUsable(token)).toBe(false);
    await writeTransaction((tx) => tx.setupToken.deleteMany({}));
  });
});
