// Opening the print page in a spec: open the page and wait for the fonts to load; shared checks
// on what it printed.
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

/** Opens the print page (the server records the view before sending it) and waits for the fonts. */
export async function openPrintPage(page: Page, consultationId: number, { query = "" } = {}) {
  const response = await page.goto(`/consultations/${consultationId}/print${query}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Prescription" })).toBeVisible();
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
