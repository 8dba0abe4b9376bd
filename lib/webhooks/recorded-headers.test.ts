import { describe, expect, it } from "vitest";
import { countSignatures, cutToBytes, recordHeaders, redactAuthorization } from "./recorded-headers";

describe("recorded headers", () => {
  it("keeps only a known scheme word of authorization", () => {
    expect(redactAuthorization("Bearer abc.def")).toBe("Bearer");
    expect(redactAuthorization("bearer abc")).toBe("Bearer");
    expect(redactAuthorization("BASIC dXNlcjpwYXNz")).toBe("Basic");
    expect(redactAuthorization("sekrit")).toBe("[redacted]");
    expect(redactAuthorization("Bearersekrit")).toBe("[redacted]");
    expect(redactAuthorization("Token sekrit")).toBe("[redacted]");
    expect(redactAuthorization("")).toBe("[redacted]");
  });

  it("counts signatures instead of keeping them", () => {
    expect(countSignatures("v1,abc")).toBe("1 signature");
    expect(countSignatures("v1,abc v1,def  v1a,ghi")).toBe("3 signatures");
  });

  it("cuts values to 256 bytes without splitting a character", () => {
    expect(cutToBytes("a".repeat(300))).toHaveLength(256);
    const cut = cutToBytes("é".repeat(200));
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(256);
    expect(cut).toBe("é".repeat(128));
  });

  it("keeps only the allowlist: no free-form header, no secret", () => {
    const headers = new Headers({
      authorization: "sekrit",
      "webhook-signature": "v1,c2lnbmF0dXJl v1,b3RoZXI=",
      "user-agent": "x".repeat(15_000),
      "x-padding": "y".repeat(15_000),
      cookie: "session=abc",
      "content-type": "application/json",
    });
    const recorded = JSON.parse(recordHeaders(headers, "203.0.113.9"));
    expect(recorded).toEqual({
      authorization: "[redacted]",
      "webhook-signature": "2 signatures",
      "user-agent": "x".repeat(256),
      "content-type": "application/json",
      "client-ip": "203.0.113.9",
    });
    expect(JSON.stringify(recorded)).not.toContain("sekrit");
  });
});
