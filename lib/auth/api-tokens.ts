// API tokens for integrators: `Authorization: Bearer cdk_…` on the read API, with the token's
// role. Shown once at creation; only the SHA-256 is kept (a token is 256 random bits, so a fast
// hash is enough), with its first characters to recognise it in the list.
import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readDb, writeTransaction } from "../db";
import { isRole, type Caller, type Role } from "./permissions";

export const apiTokenPrefix = "cdk_";
/** last-used times are written at most once a minute per token: the read API stays a read. */
const lastUsedPrecisionMs = 60_000;

export type ApiTokenSummary = {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type NewApiToken = { name: string; role: Role; expiresInDays?: number | null; createdBy?: string | null };

/** Creates a token and returns it in clear, the only time it is ever available. */
export async function createApiToken(input: NewApiToken): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const name = input.name.trim();
  if (name === "" || name.length > 100) throw new Error("A token needs a name of 1 to 100 characters.");
  if (!isRole(input.role)) throw new Error("Unknown role.");
  const days = input.expiresInDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new Error("Expiry must be 1 to 3650 days.");
  const token = `${apiTokenPrefix}${randomBytes(32).toString("base64url")}`;
  const expiresAt = days === null ? null : new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const id = randomUUID();
  await writeTransaction((tx) =>
    tx.apiToken.create({
      data: { id, name, role: input.role, tokenHash: hashToken(token), prefix: token.slice(0, 10), expiresAt, createdBy: input.createdBy ?? null },
    }),
  );
  return { id, token, expiresAt };
}

export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const db = await readDb();
  return db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, role: true, prefix: true, createdAt: true, createdBy: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes a token for good; false when there is no such token or it was already revoked. */
export async function revokeApiToken(id: string): Promise<boolean> {
  const result = await writeTransaction((tx) => tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } }));
  return result.count > 0;
}

/** The caller a bearer token stands for, or null when it is unknown, revoked or expired. */
export async function callerFromApiToken(token: string): Promise<Caller | null> {
  if (!token.startsWith(apiTokenPrefix) || token.length > 200) return null;
  const db = await readDb();
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  const now = Date.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || !isRole(row.role)) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= lastUsedPrecisionMs) {
    await writeTransaction((tx) => tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }));
  }
  return { kind: "token", tokenId: row.id, name: row.name, role: row.role };
}
