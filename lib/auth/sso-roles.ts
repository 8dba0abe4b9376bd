// Single sign-on roles: which Care Desk role the identity provider's claims give a person. The
// mapping is configuration (OIDC_ROLE_CLAIM, OIDC_ROLE_MAP), re-read at every SSO sign-in; claims
// that map to no role give no access at all (never a default role).
import { isRole, roles, type Role } from "./permissions";

export type RoleMap = ReadonlyMap<string, Role>;

/** Parses `care-admins=admin,care-team=coordinator,audit=auditor`; throws on anything unclear. */
export function parseRoleMap(text: string): RoleMap {
  const map = new Map<string, Role>();
  for (const entry of text.split(",")) {
    if (entry.trim() === "") continue;
    const at = entry.lastIndexOf("=");
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 1 || value === "") throw new Error(`OIDC_ROLE_MAP: "${entry.trim()}" is not claim-value=role`);
    if (!isRole(role)) throw new Error(`OIDC_ROLE_MAP: "${role}" is not a role (${roles.join(", ")})`);
    if (map.has(value) && map.get(value) !== role) throw new Error(`OIDC_ROLE_MAP: "${value}" is mapped to two roles`);
    map.set(value, role);
  }
  if (map.size === 0) throw new Error("OIDC_ROLE_MAP maps no claim value to a role");
  return map;
}

/**
 * The values of a claim as strings: an array claim (groups, roles), or a single value. The path is
 * first tried as one claim name (namespaced claims such as https://example.com/roles contain
 * dots), then as a dotted path into nested objects (Keycloak's realm_access.roles).
 */
export function readClaimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims[path];
  if (value === undefined && path.includes(".")) {
    value = path.split(".").reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), claims);
  }
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item) => typeof item === "string" || typeof item === "number" || typeof item === "boolean").map(String);
}

/** The role the claims map to; with several, the one that may do most (admin, then coordinator, then auditor). */
export function roleFromClaims(claims: Record<string, unknown>, path: string, map: RoleMap): Role | null {
  const granted = new Set(readClaimValues(claims, path).flatMap((value) => (map.has(value) ? [map.get(value)!] : [])));
  return roles.find((role) => granted.has(role)) ?? null;
}
