import { describe, expect, it } from "vitest";
import { buildHostRule, isHostAllowed, parseHostHeader } from "./host-allowlist";

describe("the Host allowlist", () => {
  it("allows localhost, 127.0.0.1 and [::1] on any port when no public URL is set", () => {
    const rule = buildHostRule(null, []);
    for (const host of ["localhost", "localhost:3000", "127.0.0.1:3205", "[::1]:8080", "LOCALHOST:1"]) expect(isHostAllowed(host, rule), host).toBe(true);
    for (const host of ["evil.example", "evil.example:3000", "127.0.0.2:3000", "localhost.evil.example", "10.0.0.5"]) expect(isHostAllowed(host, rule), host).toBe(false);
  });

  it("allows only the public URL's host (and its default port) once the URL is set", () => {
    const rule = buildHostRule(new URL("https://care-desk.example.com"), []);
    expect(isHostAllowed("care-desk.example.com", rule)).toBe(true);
    expect(isHostAllowed("Care-Desk.Example.com.", rule)).toBe(true);
    expect(isHostAllowed("care-desk.example.com:443", rule)).toBe(true);
    expect(isHostAllowed("care-desk.example.com:8443", rule)).toBe(false);
    expect(isHostAllowed("localhost:3000", rule)).toBe(false);
    expect(isHostAllowed("evil.example", rule)).toBe(false);
  });

  it("takes the public URL's explicit port as the only one", () => {
    const rule = buildHostRule(new URL("http://desk.internal:8080/"), []);
    expect(isHostAllowed("desk.internal:8080", rule)).toBe(true);
    expect(isHostAllowed("desk.internal", rule)).toBe(false);
  });

  it("adds CARE_DESK_ALLOWED_HOSTS: a bare name on any port, name:port on that port only", () => {
    const rule = buildHostRule(new URL("https://care-desk.example.com"), ["care-desk.internal", "10.0.0.7:3000"]);
    expect(isHostAllowed("care-desk.internal:3000", rule)).toBe(true);
    expect(isHostAllowed("care-desk.internal", rule)).toBe(true);
    expect(isHostAllowed("10.0.0.7:3000", rule)).toBe(true);
    expect(isHostAllowed("10.0.0.7:3001", rule)).toBe(false);
    const local = buildHostRule(null, ["desk.lan"]);
    expect(isHostAllowed("localhost:3000", local)).toBe(true);
    expect(isHostAllowed("desk.lan:3000", local)).toBe(true);
  });

  it("refuses a missing or malformed Host", () => {
    const rule = buildHostRule(null, []);
    for (const host of [null, "", "localhost@evil.example", "local host", "localhost:3000/path", "localhost:abc", "user:pw@localhost"]) {
      expect(isHostAllowed(host, rule), String(host)).toBe(false);
    }
    expect(parseHostHeader("[::1]:3000")).toEqual({ hostname: "[::1]", port: "3000" });
  });

  it("rejects an allowed-hosts entry that is not a host", () => {
    expect(() => buildHostRule(null, ["https://desk.example"])).toThrow(/CARE_DESK_ALLOWED_HOSTS/);
  });
});
