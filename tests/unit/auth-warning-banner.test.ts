// The warning banner every page shows while webhooks are not authenticated.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuthWarningBanner } from "@/components/auth-warning-banner";

describe("AuthWarningBanner", () => {
  it("renders nothing once a method is configured", () => {
    expect(renderToStaticMarkup(createElement(AuthWarningBanner, { configured: true, production: true }))).toBe("");
  });

  it("warns, as an alert, that webhooks are refused in production", () => {
    const html = renderToStaticMarkup(createElement(AuthWarningBanner, { configured: false, production: true }));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Webhook authentication is not configured.");
    expect(html).toContain("Every webhook is refused until it is.");
    expect(html).toContain("WEBHOOK_SIGNING_SECRETS");
  });

  it("warns that anyone can post outside production", () => {
    const html = renderToStaticMarkup(createElement(AuthWarningBanner, { configured: false, production: false }));
    expect(html).toContain("Anyone who can reach this instance can post consultations to it.");
  });
});
