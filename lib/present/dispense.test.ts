import { describe, expect, it } from "vitest";
import { maxQrUrlLength, presentDispense, qrUrl } from "./dispense";

const dispense = (url: string | null, passCode: string | null = "0042") => ({ url, passCode, qrUrl: "https://evil.example/qr.png" });

describe("presentDispense", () => {
  it("makes an http(s) link a link and a QR code, with the pass code as text (leading zeros kept)", () => {
    const shown = presentDispense(dispense(" https://web.altibb.com/prescription/1 "));
    expect(shown).toEqual({ kind: "some", passCode: "0042", link: { kind: "safe", url: "https://web.altibb.com/prescription/1", qr: true } });
    expect(qrUrl(shown)).toBe("https://web.altibb.com/prescription/1");
  });

  it("never makes anything else a link or a QR code: the text as received, to warn about", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", "web.altibb.com/x", "https://a.example/\u0000x"]) {
      const shown = presentDispense(dispense(url));
      expect(shown).toEqual({ kind: "some", passCode: "0042", link: { kind: "unsafe", text: url } });
      expect(qrUrl(shown)).toBeNull();
    }
  });

  it("keeps a link too long to scan as a link, without a QR code", () => {
    const url = `https://web.altibb.com/${"x".repeat(maxQrUrlLength)}`;
    const shown = presentDispense(dispense(url));
    expect(shown).toEqual({ kind: "some", passCode: "0042", link: { kind: "safe", url, qr: false } });
    expect(qrUrl(shown)).toBeNull();
  });

  it("says what is missing, with the blank rule", () => {
    expect(presentDispense(null)).toEqual({ kind: "none" });
    expect(presentDispense(dispense(" ", ""))).toEqual({ kind: "none" });
    expect(presentDispense(dispense(null, "5528"))).toEqual({ kind: "some", passCode: "5528", link: { kind: "missing" } });
    expect(presentDispense(dispense("https://a.example/1", null))).toMatchObject({ passCode: null, link: { kind: "safe" } });
  });
});
