// Who may do what: the role table, written once as data. Every check in the app (pages,
// route handlers, server actions, lib/data) asks hasPermission; nothing else knows the table.

export const roles = ["admin", "coordinator", "auditor"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "consultations:read",
  "consultations:print",
  "passcode:reveal",
  "export",
  "members:read",
  "deliveries:read",
  "users:read",
  "users:manage",
  "tokens:manage",
  "settings:manage",
  "replay",
  "audit:read",
  "health:details",
  "jobs:read",
  "consultations:erase",
  "alerts:read",
  "alerts:manage",
  "tasks:manage",
] as const;
export type Permission = (typeof permissions)[number];

const coordinator: Permission[] = ["consultations:read", "consultations:print", "passcode:reveal", "export", "members:read", "tasks:manage"];
const auditor: Permission[] = ["audit:read", "users:read"];

/** admin: everything the others may, plus users, tokens, the deliveries log, settings, replay, health details, background jobs, erasure and alerts. */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    ...coordinator,
    ...auditor,
    "deliveries:read",
    "users:manage",
    "tokens:manage",
    "settings:manage",
    "replay",
    "health:details",
    "jobs:read",
    "consultations:erase",
    "alerts:read",
    "alerts:manage",
  ]),
  coordinator: new Set(coordinator),
  auditor: new Set(auditor),
};

export const roleLabels: Record<Role, string> = { admin: "Admin", coordinator: "Coordinator", auditor: "Auditor" };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** A stored role that is not one of ours (a typo, a role from elsewhere) grants nothing. */
export function hasPermission(role: string | null | undefined, permission: Permission): boolean {
  return isRole(role) && rolePermissions[role].has(permission);
}

/** Who is asking: a signed-in person, or an integrator's API token. */
export type Caller =
  | { kind: "user"; userId: string; email: string; name: string; role: Role; sessionId: string }
  | { kind: "token"; tokenId: string; name: string; role: Role };

/** Thrown by lib/data when a caller lacks a permission; the guards turn it into 403. */
export class PermissionDeniedError extends Error {
  constructor(readonly permission: Permission) {
    super(`This role may not ${permission}.`);
    this.name = "PermissionDeniedError";
  }
}

/** The check lib/data runs itself, so a page that forgets its guard still gets no data. */
export function assertPermission(caller: Caller, permission: Permission): void {
  if (!hasPermission(caller.role, permission)) throw new PermissionDeniedError(permission);
}
