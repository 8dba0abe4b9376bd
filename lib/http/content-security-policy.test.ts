import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { pageRule, printPageRuleFor } from "../present/print-page-rule";
import { buildContentSecurityPolicy, createNonce } from "./content-security-policy";
import { applySecurityHeaders, isMedicalPath } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.split(" ").slice(1)]));

describe("the Content-Security-Policy", () => {
  it("allows scripts only with this request's nonce and forbids plugins, <base>, framing and foreign forms", () => {
    const policy = directives(buildContentSecurityPolicy({ nonce: "abc123", development: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toContain("data:");
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("upgrades insecure requests over https and allows eval only in development", () => {
    expect(directives(buildContentSecurityPolicy({ nonce: "n", development: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(buildContentSecurityPolicy({ nonce: "n", development: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("allows the print page's @page rule by its hash too, so a refresh's re-created <style> keeps it", () => {
    const rule = printPageRuleFor("/consultations/72/print", new URLSearchParams("paper=a5"))!;
    expect(rule).toBe(pageRule("a5", 72));
    const hash = `'sha256-${createHash("sha256").update(rule).digest("base64")}'`;
    expect(directives(buildContentSecurityPolicy({ nonce: "n", development: false, https: false, inlineStyles: [rule] })).get("style-src")).toEqual(["'self'", "'nonce-n'", hash]);
    // The page renders A4 for anything but a size it offers, and nothing for a malformed id.
    expect(printPageRuleFor("/consultations/72/print", new URLSearchParams("paper=letter"))).toBe(pageRule("a4", 72));
    expect(printPageRuleFor("/consultations/72/print", new URLSearchParams("paper=a5&paper=a4"))).toBe(pageRule("a4", 72));
    expect(printPageRuleFor("/consultations/072/print", new URLSearchParams())).toBeNull();
    expect(printPageRuleFor("/consultations/72", new URLSearchParams())).toBeNull();
    expect(printPageRuleFor("/consultations/72/print/x", new URLSearchParams())).toBeNull();
  });

  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("the security headers", () => {
  it("sends HSTS only over https, and no-store on medical paths", () => {
    const page = new Headers();
    applySecurityHeaders(page, { contentSecurityPolicy: "default-src 'self'", https: false, pathname: "/consultations/72/print" });
    expect(page.get("strict-transport-security")).toBeNull();
    expect(page.get("cache-control")).toBe("no-store");
    expect(page.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(page.get("x-content-type-options")).toBe("nosniff");
    expect(page.get("referrer-policy")).toBe("no-referrer");
    expect(page.get("x-robots-tag")).toBe("noindex, nofollow");

    const secure = new Headers({ "cache-control": "public, max-age=60" });
    applySecurityHeaders(secure, { contentSecurityPolicy: "default-src 'self'", https: true, pathname: "/sign-in" });
    expect(secure.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(secure.get("cache-control")).toBe("public, max-age=60");
  });

  it("knows which paths are medical", () => {
    for (const path of ["/consultations", "/consultations/72", "/deliveries/2", "/api/consultations", "/api/deliveries/changes"]) expect(isMedicalPath(path), path).toBe(true);
    for (const path of ["/", "/sign-in", "/api/health", "/api/webhooks", "/consultationsx"]) expect(isMedicalPath(path), path).toBe(false);
  });
});
