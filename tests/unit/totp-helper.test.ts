// The tests' own TOTP helper against RFC 6238's published test vectors (SHA-1, 8 digits), so the
// end-to-end and integration tests compute the codes a real authenticator app would.
import { describe, expect, it } from "vitest";
import { totpCode } from "../support/totp";

// RFC 6238 appendix B: the ASCII secret "12345678901234567890", in base32.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("totpCode", () => {
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
  ])("at %i s gives %s", (seconds, code) => {
    expect(totpCode(rfcSecret, seconds * 1000, 30, 8)).toBe(code);
  });

  it("gives six digits by default, the same within one 30-second step", () => {
    expect(totpCode(rfcSecret, 59_000)).toBe("287082");
    expect(totpCode(rfcSecret, 30_000)).toBe(totpCode(rfcSecret, 59_999));
  });
});
