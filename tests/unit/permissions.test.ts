// The role table, spelled out once more by hand: a change to lib/auth/permissions.ts that
// gives a role more (or less) than the table says fails here.
import { describe, expect, it } from "vitest";
import { hasPermission, permissions, roles, type Permission, type Role } from "@/lib/auth/permissions";

const table: Record<Role, Permission[]> = {
  admin: [...permissions],
  coordinator: ["consultations:read", "consultations:print", "passcode:reveal", "export", "members:read", "tasks:manage"],
  auditor: ["users:read", "audit:read"],
};

describe("the role table", () => {
  it.each(roles)("%s has exactly its column", (role) => {
    expect(permissions.filter((permission) => hasPermission(role, permission))).toEqual(table[role]);
  });

  it("an auditor gets no medical content and a coordinator no deliveries, users or tokens", () => {
    for (const permission of ["consultations:read", "consultations:print", "passcode:reveal", "members:read", "deliveries:read"] as const) {
      expect(hasPermission("auditor", permission)).toBe(false);
    }
    for (const permission of ["deliveries:read", "users:read", "users:manage", "tokens:manage", "settings:manage", "replay"] as const) {
      expect(hasPermission("coordinator", permission)).toBe(false);
    }
  });

  it("an unknown or missing role grants nothing", () => {
    for (const role of [null, undefined, "", "user", "Admin", "admin,coordinator"]) {
      expect(permissions.some((permission) => hasPermission(role, permission))).toBe(false);
    }
  });
});
