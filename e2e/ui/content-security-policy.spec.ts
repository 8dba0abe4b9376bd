// Every page under the real nonce-based Content-Security-Policy in Chromium: no
// securitypolicyviolation event and no CSP console error, with the page's own scripts running
// (live refresh, the time-zone sync, the Reveal server action, the QR code image).
import { expect, test, type Page } from "@playwright/test";
import { readFixture, recommendation, recommendationData, sampleDatetime, uniqueId } from "../../tests/support/payloads";
import { deliver } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";
import { storageStatePath } from "../support/test-server";
import { revealDispense } from "../support/dispense";

type Seeded = { consultationId: number; deliveryId: number };

/**
 * The print sheet's QR code as shown. While the time-zone refresh replaces the page, React can
 * hold the server-rendered sheet hidden beside the new one for a moment: two in the DOM, one
 * visible.
 */
const shownQr = (page: Page) => page.getByTestId("dispense-qr").filter({ visible: true });

type PageCase = { name: string; path: (seeded: Seeded) => string; ready: (page: Page) => Promise<void>; status?: number };

const live = async (page: Page) => expect(page.getByTestId("live-status")).toHaveText("Live", { timeout: 15_000 });

const pages: PageCase[] = [
  { name: "consultation list", path: () => "/consultations", ready: live },
  {
    name: "consultation detail",
    path: ({ consultationId }) => `/consultations/${consultationId}`,
    // Reveal is a server action: it runs under the CSP too.
    ready: async (page) => {
      await revealDispense(page);
      await expect(page.getByTestId("dispense-qr").first()).toBeVisible();
    },
  },
  { name: "print view", path: ({ consultationId }) => `/consultations/${consultationId}/print`, ready: async (page) => expect(shownQr(page)).toBeVisible() },
  { name: "print view on A5", path: ({ consultationId }) => `/consultations/${consultationId}/print?paper=a5`, ready: async (page) => expect(shownQr(page)).toBeVisible() },
  { name: "deliveries", path: () => "/deliveries", ready: live },
  { name: "delivery detail", path: ({ deliveryId }) => `/deliveries/${deliveryId}`, ready: async (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible() },
  { name: "missing consultation", path: () => "/consultations/999999999999", ready: async (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(), status: 404 },
  { name: "unknown address", path: () => "/no-such-page", ready: async (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(), status: 404 },
];

// The pages include the webhook deliveries log: signed in as an admin.
test.use({ storageState: storageStatePath("admin"), timezoneId: "Asia/Amman" });

let seeded: Seeded;

test.beforeAll(async () => {
  const consultationId = uniqueId();
  const { delivery_id: deliveryId } = await deliver(testServer, { ...readFixture("status_update"), consultation_id: consultationId });
  await deliver(testServer, recommendation(consultationId, sampleDatetime("recommendation_data"), recommendationData()));
  seeded = { consultationId, deliveryId };
});

type Reporter = { __reportCspViolation: (text: string) => void };

/** Every CSP violation and CSP console error of the page, across its navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => {
    seen.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as Reporter).__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (/content security policy|content-security-policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
  return seen;
}

for (const entry of pages) {
  test(`no CSP violation on the ${entry.name}`, async ({ page }) => {
    const violations = await watchCsp(page);
    const response = await page.goto(entry.path(seeded));
    expect(response?.status()).toBe(entry.status ?? 200);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await entry.ready(page);
    // The time-zone sync has set its cookie and re-rendered the page in the browser's zone.
    await expect.poll(async () => (await page.context().cookies()).find((cookie) => cookie.name === "tz")?.value, { timeout: 15_000 }).toBe(encodeURIComponent("Asia/Amman"));
    await page.waitForLoadState("load");
    await entry.ready(page);
    expect(violations).toEqual([]);
  });
}

test("no CSP violation from the consultation to its print view on A5, by the links", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`/consultations/${seeded.consultationId}`);
  await page.getByTestId("print-link").click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${seeded.consultationId}/print$`));
  await expect(shownQr(page)).toBeVisible();
  await page.getByRole("navigation", { name: "Paper size" }).getByRole("link", { name: "A5" }).click();
  await expect(page.locator("[data-print-sheet]")).toHaveAttribute("data-paper", "a5");
  await page.goBack();
  await expect(page.locator("[data-print-sheet]")).toHaveAttribute("data-paper", "a4");
  await page.waitForLoadState("load");
  expect(violations).toEqual([]);
});

test("the CSP blocks an injected inline handler, and both listeners report it", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/consultations");
  await live(page);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<button id="injected" onclick="window.__injected = 'handler'">x</button>`);
    document.getElementById("injected")?.click();
  });
  await expect
    .poll(() => [...violations].sort(), { timeout: 5_000 })
    .toEqual([expect.stringMatching(/^console: .*Content Security Policy/), expect.stringMatching(/^script-src-attr blocked inline/)]);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
});

test("the print page's @page rule survives a <style> re-created with another request's nonce; any other inline style is blocked", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`/consultations/${seeded.consultationId}/print?paper=a5`);
  await expect(shownQr(page)).toBeVisible();
  // What a refresh's payload does when React re-creates the element: the same text, a nonce
  // from another response.
  const applied = await page.evaluate(() => {
    const rule = [...document.querySelectorAll("style")].map((style) => style.textContent ?? "").find((text) => text.startsWith("@page"))!;
    const again = Object.assign(document.createElement("style"), { nonce: "from-another-response", textContent: rule });
    const other = Object.assign(document.createElement("style"), { nonce: "from-another-response", textContent: "body { outline: 3px solid red; }" });
    document.head.append(again, other);
    return { again: again.sheet !== null && again.sheet.cssRules.length > 0, other: other.sheet !== null && other.sheet.cssRules.length > 0 };
  });
  expect(applied).toEqual({ again: true, other: false });
  await expect.poll(() => violations.some((text) => text.startsWith("style-src-elem blocked inline")), { timeout: 15_000 }).toBe(true);
});
