// The warning banner every page shows while webhooks are not authenticated.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuthWarningBanner } from "@/components/auth-warning-banner";

describe("AuthWarningBanner", () => {
  it("renders nothing while webhooks are authenticated", () => {
    expect(renderToStaticMarkup(createElement(AuthWarningBanner, { state: null }))).toBe("");
  });

  it("warns loudly that anyone can post under next dev with WEBHOOK_AUTH=none", () => {
    const html = renderToStaticMarkup(createElement(AuthWarningBanner, { state: "open" }));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Webhooks are NOT authenticated");
    expect(html).toContain("WEBHOOK_AUTH=none");
  });
});
