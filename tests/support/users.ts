// Users for integration tests, created through the same code path as `npm run user:create`.
import { randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUserAccount } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/permissions";
import { peerAddressHeader } from "@/lib/http/peer-address";

export const testPassword = "correct horse battery staple";

export type TestUser = { id: string; email: string; password: string; role: Role };

export async function createTestUser(role: Role, password = testPassword): Promise<TestUser> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const { id } = await createUserAccount({ email, role, password, name: `Test ${role}` });
  return { id, email, password, role };
}

/** A request from its own client IP (so per-IP limits of one test do not touch another's). */
export function clientHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({ [peerAddressHeader]: `203.0.113.${Math.floor(Math.random() * 250) + 1}`, ...extra });
}

/** The Cookie header a browser would send back after these Set-Cookie headers. */
export function cookieHeader(setCookies: string[]): string {
  return setCookies.map((line) => line.split(";")[0]).join("; ");
}

/** An Authorization header value with a fresh API token of this role. */
export async function bearerFor(role: Role): Promise<string> {
  const { token } = await createApiToken({ name: `test ${role} ${randomUUID().slice(0, 8)}`, role });
  return `Bearer ${token}`;
}
