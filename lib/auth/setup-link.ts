// First run: while no admin exists, each start issues a single-use setup link (/setup?token=…,
// valid one hour, only its SHA-256 stored) where the first admin chooses email, name and password.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { readDb, writeTransaction } from "../db";
import { passwordProblem } from "./passwords";
import { AccountInputError, createUserAccount, hasAdmin } from "./users";

export const setupLinkLifetimeMs = 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a new setup link when there is no admin (earlier unused links stop working), or returns
 * null when an admin exists. The path is relative: the caller knows the public address.
 */
export async function issueSetupLinkIfNoAdmin(now = new Date()): Promise<{ path: string; expiresAt: Date } | null> {
  if (await hasAdmin()) return null;
  const { token, expiresAt } = await createSetupToken(now);
  return { path: `/setup?token=${token}`, expiresAt };
}

/** A new setup token valid for one hour from `now`; earlier unused ones stop working. */
export async function createSetupToken(now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + setupLinkLifetimeMs);
  await writeTransaction(async (tx) => {
    await tx.setupToken.deleteMany({ where: { usedAt: null } });
    await tx.setupToken.create({ data: { tokenHash: hashToken(token), expiresAt, createdAt: now } });
  });
  return { token, expiresAt };
}

/** Spends a setup token: true for the one caller that used a valid, unexpired, unused token. */
export async function claimSetupToken(token: string): Promise<boolean> {
  const claimed = await writeTransaction((tx) =>
    tx.setupToken.updateMany({ where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } }),
  );
  return claimed.count === 1;
}

/** Whether a setup token may still be used (unknown, used, expired, or an admin exists: no). */
export async function isSetupTokenUsable(token: string): Promise<boolean> {
  if (token === "" || token.length > 200) return false;
  const db = await readDb();
  const row = await db.setupToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return row !== null && row.usedAt === null && row.expiresAt.getTime() > Date.now() && !(await hasAdmin());
}

export type SetupInput = { token: string; email: string; name: string; password: string };

/** Creates the first admin with a usable setup token, which is then spent. */
export async function completeSetup(input: SetupInput): Promise<{ userId: string }> {
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountInputError(problem);
  const tokenHash = hashToken(input.token);
  // Claim the token first (one claim wins, even with two submissions at once)…
  if (!(await claimSetupToken(input.token)) || (await hasAdmin())) throw new AccountInputError("This setup link is no longer valid. Restart the server for a new one.");
  try {
    const { id } = await createUserAccount({ email: input.email, name: input.name, role: "admin", password: input.password });
    return { userId: id };
  } catch (error) {
    // …and give it back when the account could not be created (a typo in the email, say).
    await writeTransaction((tx) => tx.setupToken.updateMany({ where: { tokenHash }, data: { usedAt: null } }));
    throw error;
  }
}
