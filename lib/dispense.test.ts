import { describe, expect, it } from "vitest";
import { safeDispenseUrl } from "./dispense";

describe("safeDispenseUrl", () => {
  it.each([
    ["https://web.altibb.com//prescription/9EK1IhvLIwMC8rw5066cMVZXqs3", "https://web.altibb.com//prescription/9EK1IhvLIwMC8rw5066cMVZXqs3"],
    ["http://pharmacy.example/rx?id=1", "http://pharmacy.example/rx?id=1"],
    ["  https://example.com/x  ", "https://example.com/x"],
  ])("keeps %s", (input, expected) => {
    expect(safeDispenseUrl(input)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "//evil.example/x",
    "/prescription/1",
    "ftp://example.com/x",
    "https://exa mple.com",
    "java\tscript:alert(1)",
    "",
    null,
    undefined,
  ])("refuses %s", (input) => {
    expect(safeDispenseUrl(input)).toBeNull();
  });
});
