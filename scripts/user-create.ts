// npm run user:create -- --email a@example.com --role admin [--name "…"]
// Reads the password from standard input (one line) and prints the new user's id.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { noRequestContext, recordAudit } from "../lib/audit/record";
import { disconnectDb } from "../lib/db";
import { isRole } from "../lib/auth/permissions";
import { AccountInputError, createUserAccount } from "../lib/auth/users";

const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } });
if (!values.email || !isRole(values.role)) {
  console.error('usage: npm run user:create -- --email a@example.com --role admin|coordinator|auditor [--name "…"]  (password on stdin)');
  process.exit(2);
}

async function readLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (at least 12 characters): ");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

try {
  const { id } = await createUserAccount({ email: values.email, role: values.role, name: values.name, password: await readLine() });
  await recordAudit({ kind: "system", label: "npm run user:create" }, noRequestContext, {
    action: "user.created",
    subjectUserId: id,
    detail: { email: values.email.trim().toLowerCase(), role: values.role },
  });
  console.log(id);
} catch (error) {
  console.error(error instanceof AccountInputError ? `user:create: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
