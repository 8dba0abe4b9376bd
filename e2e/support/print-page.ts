// Opening the print page in a spec: open the page, wait for the view to be recorded and the
// fonts to load; shared checks on what it printed.
import { expect, type Page, type TestInfo } from "@playwright/test";
import { recommendationData } from "../../tests/support/payloads";
import { pdfPages } from "./pdf";

const sample = recommendationData();

/** The sample's dispense link and pass code, as the page must print them. */
export const sampleDispense = { url: sample.dispense.url, passCode: String(sample.dispense.pass_code) };

/** What each sample drug's row must say: the trade name, the generic name and the dose line. */
export const sampleDrugLines = [
  { tradeName: "ORAP FORTE TAB 4 MG", generic: "(PIMOZIDE)", dose: "2 capsule · oral · Four times daily · for 5 days" },
  { tradeName: "ORUVAIL S-R CAPS 100 MG", generic: "(KETOPROFEN)", dose: "2 tablespoon (10ml) · oral · Four times daily · for 6 days" },
];

/**
 * Resolves with the body of the page's server-action call that records the print view. (Chromium
 * does not keep the body of that streamed response for Playwright, so the call is passed
 * through a route that reads it on the way.)
 */
async function capturePrintViewRecording(page: Page, consultationId: number): Promise<() => Promise<{ sent: unknown; answer: string }>> {
  let settle: (value: { sent: unknown; answer: string }) => void = () => {};
  const recorded = new Promise<{ sent: unknown; answer: string }>((resolve) => (settle = resolve));
  await page.route(`**/consultations/${consultationId}/print*`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || request.headers()["next-action"] === undefined) return route.fallback();
    const response = await route.fetch();
    settle({ sent: request.postDataJSON(), answer: await response.text() });
    await route.fulfill({ response });
  });
  return () => recorded;
}

/** Opens the print page and waits until the browser has recorded the view and loaded the fonts. */
export async function openPrintPage(page: Page, consultationId: number, { query = "", recommendation = true } = {}) {
  const recording = await capturePrintViewRecording(page, consultationId);
  const response = await page.goto(`/consultations/${consultationId}/print${query}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Prescription" })).toBeVisible();
  const { sent, answer } = await recording();
  expect(sent).toEqual([
    { consultationId, recommendationId: recommendation ? expect.any(Number) : null, paperSize: query.includes("a5") ? "a5" : "a4" },
  ]);
  expect(answer).toContain('"recorded":true');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

export const expectPaperSize = (pdf: Buffer, size: { width: number; height: number }) => {
  const { width, height } = pdfPages(pdf);
  expect(Math.abs(width - size.width), `page width ${width} pt`).toBeLessThan(2);
  expect(Math.abs(height - size.height), `page height ${height} pt`).toBeLessThan(2);
};

/** Prints the page to PDF as Chromium's print dialog would, and attaches the file to the test's report. */
export async function printPdf(page: Page, testInfo: TestInfo, name: string, options: Parameters<Page["pdf"]>[0] = { format: "A4" }): Promise<Buffer> {
  const pdf = await page.pdf(options);
  await testInfo.attach(name, { body: pdf, contentType: "application/pdf" });
  return pdf;
}
