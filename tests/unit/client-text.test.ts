// What every page's client components show without next-intl in the browser (error boundaries,
// the live status): formatted on the server, in each language.
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import PrescriptionError from "@/app/consultations/[id]/print/error";
import { ClientTextProvider } from "@/components/client-text";
import { LiveStatus } from "@/components/live-status";
import { RouteError } from "@/components/route-error";
import { formatClientText } from "@/lib/i18n/client-text";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const render = (locale: "en" | "ar", element: ReactElement) =>
  renderToStaticMarkup(
    createElement(ClientTextProvider, { text: formatClientText(locale === "ar" ? ar : en, locale) } as ComponentProps<typeof ClientTextProvider>, element),
  );
const failed = Object.assign(new Error("database down"), { digest: "4093521" });
const retry = () => {};

describe("error boundaries", () => {
  it("name what failed, offer a retry and give the reference, never the error's message", () => {
    const html = render("en", createElement(RouteError, { error: failed, retry, what: "consultations" }));
    expect(html).toContain("The consultation list could not be loaded");
    expect(html).toContain("Reference for the logs: 4093521");
    expect(html).toContain("Try again");
    expect(html).toContain("Go to consultations");
    expect(html).not.toContain("database down");
  });

  it("say the same in Arabic", () => {
    const html = render("ar", createElement(RouteError, { error: failed, retry, what: "worklist" }));
    expect(html).toContain("تعذّر تحميل قائمة المهام");
    expect(html).toContain("مرجع للسجلات: 4093521");
    expect(html).toContain("أعد المحاولة");
  });

  it("keep the words of a page not yet translated inside the translated sentence", () => {
    expect(render("en", createElement(RouteError, { error: failed, retry, what: "The report" }))).toContain("The report could not be loaded");
  });

  it("word the prescription's failure for the print page, in both languages", () => {
    expect(render("en", createElement(PrescriptionError, { error: failed, retry }))).toContain("Reference for support: 4093521");
    const html = render("ar", createElement(PrescriptionError, { error: failed, retry }));
    expect(html).toContain("تعذّر تجهيز الوصفة");
    expect(html).toContain("مرجع للدعم: 4093521");
  });
});

describe("the live status", () => {
  it("reads Connecting…, Live or paused in the page's language", () => {
    expect(render("en", createElement(LiveStatus, { live: false, failing: false }))).toContain("Connecting…");
    expect(render("ar", createElement(LiveStatus, { live: true, failing: false }))).toContain("مباشر");
    expect(render("ar", createElement(LiveStatus, { live: true, failing: true }))).toContain("توقفت التحديثات الحية");
  });
});
