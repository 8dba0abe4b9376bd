// Callers for tests of lib/data, which checks the caller's permission itself.
import type { Caller, Role } from "@/lib/auth/permissions";

export const callerWithRole = (role: Role): Extract<Caller, { kind: "user" }> => ({
  kind: "user",
  userId: `test-${role}`,
  email: `${role}@example.test`,
  name: `Test ${role}`,
  role,
  sessionId: `test-session-${role}`,
});

export const asCoordinator = callerWithRole("coordinator");
export const asAdmin = callerWithRole("admin");
export const asAuditor = callerWithRole("auditor");
