import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { authenticate, parseSigningSecrets } from "./authenticate";

const secret = "whsec_" + Buffer.from("unit-test-secret-0123456789abcdef").toString("base64");
const config = { signingSecrets: parseSigningSecrets(secret) };

function signedHeaders(id: string, when: Date, body: string, signWith = secret) {
  return new Headers({
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(when.getTime() / 1000)),
    "webhook-signature": new Webhook(signWith).sign(id, when, body),
  });
}

describe("authenticate agrees with the standardwebhooks library", () => {
  const bodies = ['{"a":1}', '{"note":"ملاحظة — ✓"}', "", '{"x":"' + "y".repeat(5000) + '"}'];

  it.each(bodies)("accepts what the library signs and verifies (%#)", (body) => {
    const now = new Date();
    const headers = signedHeaders("msg_1", now, body);
    expect(authenticate(headers, new TextEncoder().encode(body), config, false)).toEqual({ ok: true, method: "signature" });
    expect(() => new Webhook(secret).verify(body, Object.fromEntries(headers))).not.toThrow();
  });

  it("refuses what the library refuses: another secret, another body", () => {
    const now = new Date();
    const other = "whsec_" + Buffer.from("another-secret-0123456789abcdefgh").toString("base64");
    const headers = signedHeaders("msg_2", now, '{"a":1}', other);
    expect(authenticate(headers, new TextEncoder().encode('{"a":1}'), config, false).ok).toBe(false);
    expect(() => new Webhook(secret).verify('{"a":1}', Object.fromEntries(headers))).toThrow();
    const good = signedHeaders("msg_3", now, '{"a":1}');
    expect(authenticate(good, new TextEncoder().encode('{"a":2}'), config, false).ok).toBe(false);
  });

  it("accepts any one of several signatures in the header (sender-side rotation)", () => {
    const now = new Date();
    const body = '{"a":1}';
    const other = "whsec_" + Buffer.from("another-secret-0123456789abcdefgh").toString("base64");
    const headers = signedHeaders("msg_4", now, body, other);
    headers.set("webhook-signature", `${headers.get("webhook-signature")} ${new Webhook(secret).sign("msg_4", now, body)}`);
    expect(authenticate(headers, new TextEncoder().encode(body), config, false).ok).toBe(true);
  });

  it("refuses secrets too short to be real", () => {
    expect(() => parseSigningSecrets("whsec_c2hvcnQ=")).toThrow(/at least 16/);
  });
});
