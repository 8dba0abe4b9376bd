import { describe, expect, it } from "vitest";
import { parseSigningSecrets } from "./authenticate";
import { maskSecret, newStoredSecret, parseStoredSecret, previousSecretValidityMs, rotatedSecret, validSecrets } from "./stored-secret";

describe("the stored signing secret", () => {
  const now = new Date("2026-12-01T09:00:00Z");

  it("is a Standard Webhooks secret of 32 random bytes", () => {
    const stored = newStoredSecret(now);
    expect(stored.current).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(parseSigningSecrets(stored.current)[0]).toHaveLength(32);
    expect(newStoredSecret(now).current).not.toBe(stored.current);
    expect(parseStoredSecret(JSON.stringify(stored))).toEqual(stored);
  });

  it("keeps the previous secret valid for 24 hours after a rotation", () => {
    const first = newStoredSecret(now);
    const rotated = rotatedSecret(first, now);
    expect(rotated.current).not.toBe(first.current);
    expect(validSecrets(rotated, now)).toEqual([rotated.current, first.current]);
    expect(validSecrets(rotated, new Date(now.getTime() + previousSecretValidityMs - 1000))).toHaveLength(2);
    expect(validSecrets(rotated, new Date(now.getTime() + previousSecretValidityMs + 1000))).toEqual([rotated.current]);
  });

  it("masks all but the prefix and the last characters", () => {
    const secret = newStoredSecret(now).current;
    const masked = maskSecret(secret);
    expect(masked.startsWith("whsec_")).toBe(true);
    expect(masked.endsWith(secret.slice(-4))).toBe(true);
    expect(masked.length).toBeLessThan(20);
  });
});
