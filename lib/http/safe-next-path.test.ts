import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps a path on this host with its query and fragment", () => {
    expect(safeNextPath("/consultations/72")).toBe("/consultations/72");
    expect(safeNextPath("/consultations?status=closed&q=a%20b#top")).toBe("/consultations?status=closed&q=a%20b#top");
    expect(safeNextPath("/deliveries/2/../3")).toBe("/deliveries/3");
  });

  it.each([
    "//evil.example",
    "//evil.example/consultations",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%2fevil.example",
    "/%5Cevil.example",
    "%2f%5cevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/ /evil.example".replace(" ", "\u0000"),
    "/sign-in",
    "/sign-in?next=/consultations",
    "",
    "/".padEnd(3000, "a"),
  ])("refuses %j", (value) => {
    expect(safeNextPath(value)).toBe("/");
  });

  it("refuses what is not a string and honours the fallback", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null, "/consultations")).toBe("/consultations");
    expect(safeNextPath("//evil.example", "/consultations")).toBe("/consultations");
  });
});
