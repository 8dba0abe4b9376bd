// The bench measures pages signed in (the session check is on their hot path now): one
// coordinator, created like `npm run user:create` does, signed in over HTTP.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "../lib/prisma-schemas";

const user = { email: "bench-coordinator@bench.test", password: "bench coordinator passphrase" };

/** The Cookie header of a fresh coordinator session on the bench server. */
export async function signInCoordinator(baseUrl: string, databaseUrl: string): Promise<string> {
  const created = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/user-create.ts"), "--email", user.email, "--role", "coordinator"],
    { cwd: root, input: `${user.password}\n`, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  // A second run on the same database finds the user already there: signing in still works.
  if (created.status !== 0 && !/already exists/i.test(created.stderr)) throw new Error(`bench: creating the coordinator failed: ${created.stderr}`);
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(user),
  });
  if (!response.ok) throw new Error(`bench: signing in failed with ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}
