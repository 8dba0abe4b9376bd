// The print page when something is missing or wrong: no recommendation, no dispense block, a
// dispense link that is not http(s), an unknown consultation.
import { expect, test } from "@playwright/test";
import { normalizeText, pdfText } from "../support/pdf";
import { recommendationData, sampleDatetime, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { prescription } from "../../tests/support/prescriptions";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { openPrintPage, printPdf, sampleDrugLines } from "../support/print-page";
import { testServer } from "../support/webhooks";

const sample = recommendationData();

test("no recommendation yet: the page says so plainly and prints no prescription, code or link", async ({ page }, testInfo) => {
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, "new", "checking_medical_profile", sampleDatetime("status_update")));
  await openPrintPage(page, id);

  await expect(page.getByTestId("no-recommendation")).toHaveText(
    "No recommendation has been received for this consultation, so there is no prescription to print.",
  );
  await expect(page.getByRole("button", { name: "Print" })).toHaveCount(0);
  await expect(page.getByTestId("dispense")).toHaveCount(0);
  await expect(page.getByTestId("dispense-qr")).toHaveCount(0);

  const pdf = await printPdf(page, testInfo, "no-recommendation.pdf");
  const text = normalizeText(pdfText(pdf, { order: "raw" }));
  expect(text).toContain("No recommendation has been received for this consultation");
  expect(text).not.toMatch(/PASS CODE|DISPENS|MEDICINES|https?:/);
  await expectNoSeriousA11yViolations(page);
});

test("no dispense block: the page says so, with no QR code, pass code or link", async ({ page }, testInfo) => {
  const id = uniqueId();
  await deliver(testServer, prescription(id, { dispense: null }));
  await openPrintPage(page, id);

  await expect(page.getByTestId("no-dispense")).toHaveText("No dispense link or pass code came with this recommendation.");
  await expect(page.getByTestId("dispense-qr")).toHaveCount(0);
  await expect(page.getByTestId("pass-code")).toHaveCount(0);

  const pdf = await printPdf(page, testInfo, "no-dispense.pdf");
  const text = normalizeText(pdfText(pdf, { order: "raw" }));
  expect(text).toContain("No dispense link or pass code came with this recommendation.");
  expect(text).toContain(sampleDrugLines[0]!.dose);
  expect(text).not.toMatch(/https?:|PASS CODE/);
});

test("a javascript: dispense link never becomes a QR code or a link: a warning and the inert text instead", async ({ page }, testInfo) => {
  const id = uniqueId();
  const unsafeUrl = "javascript:alert(document.cookie)";
  await deliver(testServer, prescription(id, { dispense: { ...sample.dispense, url: unsafeUrl } }));
  await openPrintPage(page, id);

  const warning = page.getByTestId("unsafe-dispense-url");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Warning: this dispense link is not a web (http or https) address.");
  await expect(warning.locator("code")).toHaveText(unsafeUrl);
  await expect(page.getByTestId("dispense-qr")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator(`[href*="alert"], [src*="alert"]`)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.emulateMedia({ media: "print" });
  await expect(warning).toBeVisible();
  const pdf = await printPdf(page, testInfo, "unsafe-dispense-url.pdf");
  const text = normalizeText(pdfText(pdf, { order: "raw" }));
  expect(text).toContain("Warning: this dispense link is not a web (http or https) address.");
  expect(text).toContain(unsafeUrl);
  expect(text).toContain(sampleDrugLines[0]!.dose);
});

test("an unknown or malformed consultation id answers 404 with the not-found page", async ({ page }) => {
  for (const id of [String(uniqueId()), "abc", "0", "-1", "1e3", "99999999999999999999"]) {
    const response = await page.goto(`/consultations/${id}/print`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Consultation not found" })).toBeVisible();
  }
});
