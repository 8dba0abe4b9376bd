// Local accounts: created by an admin (/admin/users), by `npm run user:create`, or on first run
// through the setup link. Every path goes through createUserAccount.
import "server-only";
import { APIError } from "better-auth/api";
import { readDb } from "../db";
import { getAuth } from "./auth";
import { passwordProblem } from "./passwords";
import { isRole, type Role } from "./permissions";

export class AccountInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountInputError";
  }
}

export type NewAccount = { email: string; name?: string | null; role: Role; password: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a user with a password; returns the new user's id. Refuses bad input with AccountInputError. */
export async function createUserAccount(input: NewAccount): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (!emailPattern.test(email) || email.length > 254) throw new AccountInputError("Enter a valid email address.");
  if (!isRole(input.role)) throw new AccountInputError("The role must be admin, coordinator or auditor.");
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountInputError(problem);
  const name = (input.name ?? "").trim() || email.split("@")[0]!;
  const auth = await getAuth();
  try {
    // Called without request headers: a server-side call, allowed by the admin plugin.
    const { user } = await auth.api.createUser({ body: { email, password: input.password, name: name.slice(0, 100), role: input.role } });
    return { id: user.id };
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) throw new AccountInputError(error.body?.message ?? "The user could not be created.");
    throw error;
  }
}

export type UserSummary = { id: string; email: string; name: string; role: string | null; banned: boolean; twoFactorEnabled: boolean; createdAt: Date; sessions: number };

export async function listUsers(): Promise<UserSummary[]> {
  const db = await readDb();
  const rows = await db.user.findMany({
    orderBy: [{ email: "asc" }],
    take: 1000,
    select: { id: true, email: true, name: true, role: true, banned: true, twoFactorEnabled: true, createdAt: true, _count: { select: { sessions: true } } },
  });
  return rows.map(({ _count, banned, twoFactorEnabled, ...row }) => ({ ...row, banned: banned === true, twoFactorEnabled: twoFactorEnabled === true, sessions: _count.sessions }));
}

export async function hasAdmin(): Promise<boolean> {
  const db = await readDb();
  return (await db.user.count({ where: { role: "admin", OR: [{ banned: false }, { banned: null }] } })) > 0;
}
