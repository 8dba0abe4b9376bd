import { describe, expect, it } from "vitest";
import { maxQrUrlLength, presentDispense, qrUrl } from "./dispense";

const dispense = (url: string | null, passCode: string | null = "0042") => ({ url, passCode, qrUrl: "https://evil.example/qr.png" });

describe("presentDispense", () => {
  it("makes an http(s) link a link and a QR code, with the pass code as text (leading zeros kept)", () => {
    const shown = presentDispense(dispense(" https://web.altibb.com/prescription/1 "));
    expect(shown).toEqual({ kind: "some", passCode: "0042", link: { kind: "safe", url: "https://web.altibb.com/prescription/1", host: "web.altibb.com", qr: true } });
    expect(qrUrl(shown)).toBe("https://web.altibb.com/prescription/1");
  });

  it("never makes anything else a link or a QR code: the text as received, to warn about", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", "web.altibb.com/x", "https://a.example/\u0000x"]) {
      const shown = presentDispense(dispense(url));
      expect(shown).toMatchObject({ kind: "some", passCode: "0042", link: { kind: "unsafe", text: url, warning: expect.stringMatching(/not a web/) } });
      expect(qrUrl(shown)).toBeNull();
    }
  });

  it("keeps a link too long to scan as a link, without a QR code", () => {
    const url = `https://web.altibb.com/${"x".repeat(maxQrUrlLength)}`;
    const shown = presentDispense(dispense(url));
    expect(shown).toEqual({ kind: "some", passCode: "0042", link: { kind: "safe", url, host: "web.altibb.com", qr: false } });
    expect(qrUrl(shown)).toBeNull();
  });

  it("says what is missing, with the blank rule", () => {
    expect(presentDispense(null)).toEqual({ kind: "none" });
    expect(presentDispense(dispense(" ", ""))).toEqual({ kind: "none" });
    expect(presentDispense(dispense(null, "5528"))).toEqual({ kind: "some", passCode: "5528", link: { kind: "missing" } });
    expect(presentDispense(dispense("https://a.example/1", null))).toMatchObject({ passCode: null, link: { kind: "safe" } });
  });

  it("refuses user-info, bidi controls and zero-width characters, and writes the invisible ones out", () => {
    const spoof = "https://web.altibb.com@аltibbi.com/prescription/‮gpj.exe";
    const shown = presentDispense(dispense(spoof));
    expect(shown).toMatchObject({ link: { kind: "unsafe", warning: expect.stringMatching(/direction/), text: "https://web.altibb.com@аltibbi.com/prescription/⟨U+202E⟩gpj.exe" } });
    expect(qrUrl(shown)).toBeNull();
    expect(presentDispense(dispense("https://web.altibb.com@аltibbi.com/prescription/1"))).toMatchObject({
      link: { kind: "unsafe", warning: expect.stringMatching(/user name/), host: "xn--ltibbi-2nf.com" },
    });
    expect(presentDispense(dispense("https://web.alt​ibb.com/1"))).toMatchObject({ link: { kind: "unsafe", warning: expect.stringMatching(/zero-width/) } });
  });

  it("shows a host in another script as punycode, and holds to DISPENSE_ALLOWED_HOSTS", () => {
    expect(presentDispense(dispense("https://аltibbi.com/rx/1"))).toMatchObject({ link: { kind: "safe", host: "xn--ltibbi-2nf.com", url: "https://xn--ltibbi-2nf.com/rx/1" } });
    const allowed = ["web.altibb.com", "*.altibbi.com"];
    expect(presentDispense(dispense("https://web.altibb.com/rx/1"), allowed)).toMatchObject({ link: { kind: "safe" } });
    expect(presentDispense(dispense("https://rx.altibbi.com/1"), allowed)).toMatchObject({ link: { kind: "safe" } });
    expect(presentDispense(dispense("https://altibbi.com.evil.example/1"), allowed)).toMatchObject({
      link: { kind: "unsafe", warning: expect.stringMatching(/DISPENSE_ALLOWED_HOSTS/), host: "altibbi.com.evil.example" },
    });
    expect(presentDispense(dispense("https://evilaltibbi.com/1"), allowed)).toMatchObject({ link: { kind: "unsafe" } });
  });
});
