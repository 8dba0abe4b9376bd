import { describe, expect, it } from "vitest";
import { parseRoleMap, readClaimValues, roleFromClaims } from "./sso-roles";

const map = parseRoleMap("care-admins=admin, care-team=coordinator,audit=auditor");

describe("parseRoleMap", () => {
  it("reads claim-value=role pairs", () => {
    expect([...map]).toEqual([
      ["care-admins", "admin"],
      ["care-team", "coordinator"],
      ["audit", "auditor"],
    ]);
  });

  it("keeps = inside a claim value (the last = separates the role)", () => {
    expect([...parseRoleMap("CN=Care Team=coordinator")]).toEqual([["CN=Care Team", "coordinator"]]);
  });

  it.each(["", "care-team", "care-team=boss", "=admin", "a=admin,a=auditor"])("refuses %j", (text) => {
    expect(() => parseRoleMap(text)).toThrow(/OIDC_ROLE_MAP/);
  });
});

describe("roleFromClaims", () => {
  it("maps an array claim, a single value and a nested path", () => {
    expect(roleFromClaims({ groups: ["other", "care-team"] }, "groups", map)).toBe("coordinator");
    expect(roleFromClaims({ role: "audit" }, "role", map)).toBe("auditor");
    expect(roleFromClaims({ realm_access: { roles: ["care-admins"] } }, "realm_access.roles", map)).toBe("admin");
    expect(roleFromClaims({ "https://care.example/roles": ["care-team"] }, "https://care.example/roles", map)).toBe("coordinator");
  });

  it("gives the role that may do most when several match", () => {
    expect(roleFromClaims({ groups: ["audit", "care-team"] }, "groups", map)).toBe("coordinator");
    expect(roleFromClaims({ groups: ["audit", "care-admins", "care-team"] }, "groups", map)).toBe("admin");
  });

  it("gives no role (never a default) for missing, empty or unmapped claims", () => {
    expect(roleFromClaims({}, "groups", map)).toBeNull();
    expect(roleFromClaims({ groups: [] }, "groups", map)).toBeNull();
    expect(roleFromClaims({ groups: ["care-team-x", "Care-Team"] }, "groups", map)).toBeNull();
    expect(roleFromClaims({ groups: { "care-team": true } }, "groups", map)).toBeNull();
    expect(readClaimValues({ groups: [1, null, "a"] }, "groups")).toEqual(["1", "a"]);
  });
});
