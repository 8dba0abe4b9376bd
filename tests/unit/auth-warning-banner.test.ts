// The warning banner every page shows while webhooks are not authenticated, in each language.
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuthWarningBanner } from "@/components/auth-warning-banner";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const render = (state: "open" | null, locale: "en" | "ar" = "en") =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages: locale === "ar" ? ar : en, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>, createElement(AuthWarningBanner, { state })),
  );

describe("AuthWarningBanner", () => {
  it("renders nothing while webhooks are authenticated", () => {
    expect(render(null)).toBe("");
  });

  it("warns loudly that anyone can post under next dev with WEBHOOK_AUTH=none", () => {
    const html = render("open");
    expect(html).toContain('role="alert"');
    expect(html).toContain("Webhooks are NOT authenticated");
    expect(html).toContain("WEBHOOK_AUTH=none");
  });

  it("says the same in Arabic, the variable and the command kept as they are", () => {
    const html = render("open", "ar");
    expect(html).toContain("الويب هوك غير موثَّق");
    expect(html).toContain('<code class="font-mono">WEBHOOK_AUTH=none</code>');
    expect(html).toContain('<code class="font-mono">next dev</code>');
  });
});
