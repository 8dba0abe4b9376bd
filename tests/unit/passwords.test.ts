import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/passwords";

describe("passwordProblem", () => {
  it("accepts a long uncommon password", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });

  it("refuses short passwords and very long ones", () => {
    expect(passwordProblem("short-pass1")).toMatch(/at least 12/);
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
  });

  it("refuses the most common passwords, whatever their case, and with digits added", () => {
    for (const password of ["unbelievable", "UNBELIEVABLE", "password1234", "baseball2024!", "qwerty123456"]) {
      expect(passwordProblem(password), password).toMatch(/most common/);
    }
  });
});
