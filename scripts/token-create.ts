// npm run token:create -- --name "…" --role coordinator [--expires-days 90]
// Prints the new API token once (only its hash is kept).
import { parseArgs } from "node:util";
import { noRequestContext, recordAudit } from "../lib/audit/record";
import { disconnectDb } from "../lib/db";
import { createApiToken } from "../lib/auth/api-tokens";
import { isRole } from "../lib/auth/permissions";

const { values } = parseArgs({ options: { name: { type: "string" }, role: { type: "string" }, "expires-days": { type: "string" } } });
const days = values["expires-days"] === undefined ? null : Number(values["expires-days"]);
if (!values.name || !isRole(values.role) || (days !== null && !Number.isInteger(days))) {
  console.error('usage: npm run token:create -- --name "…" --role admin|coordinator|auditor [--expires-days 90]');
  process.exit(2);
}

try {
  const { id, token } = await createApiToken({ name: values.name, role: values.role, expiresInDays: days, createdBy: "npm run token:create" });
  await recordAudit({ kind: "system", label: "npm run token:create" }, noRequestContext, {
    action: "token.created",
    subjectTokenId: id,
    detail: { name: values.name.trim(), role: values.role, expiresInDays: days },
  });
  console.log(token);
} catch (error) {
  console.error(`token:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
