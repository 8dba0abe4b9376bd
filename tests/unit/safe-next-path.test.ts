// Sign-in redirects (?next=) only ever go to a path on this host.
import { describe, expect, it } from "vitest";
import { defaultNextPath, signInPath } from "@/lib/auth/caller";
import { safeNextPath } from "@/lib/http/safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-host paths with their query", () => {
    expect(safeNextPath("/consultations/72/print?paper=a5", defaultNextPath)).toBe("/consultations/72/print?paper=a5");
    expect(safeNextPath("/", defaultNextPath)).toBe("/");
  });

  it("replaces anything that could leave the site, or is not a path, with the consultation list", () => {
    for (const value of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "consultations", "", "/a\nb", undefined, ["/x"], "/" + "a".repeat(2048)]) {
      expect(safeNextPath(value, defaultNextPath), JSON.stringify(value)).toBe("/consultations");
    }
  });

  it("builds the sign-in link with the path encoded", () => {
    expect(signInPath("/consultations/72?x=1&y=2")).toBe("/sign-in?next=%2Fconsultations%2F72%3Fx%3D1%26y%3D2");
  });
});
