// The printable prescription, end to end: real webhooks in, Chromium's own PDF out, read back
// with poppler-utils; the QR code read back from a screenshot.
import { expect, test } from "@playwright/test";
import { arabicRuns, compactText, normalizeText, paper, pdfPages, pdfText } from "../support/pdf";
import { decodeQrPng } from "../support/qr";
import { e2eInstanceName } from "../support/test-server";
import { recommendationData, uniqueId } from "../../tests/support/payloads";
import { arabic, arabicRecommendation, manyDrugsRecommendation, prescription } from "../../tests/support/prescriptions";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { expectPaperSize, openPrintPage, printPdf, sampleDispense, sampleDrugLines } from "../support/print-page";
import { testServer } from "../support/webhooks";

const sample = recommendationData();
const { url: dispenseUrl, passCode } = sampleDispense;

test("the sample recommendation prints on A4: drugs, doses, ICD-10 codes, pass code, link and a QR code of the link", async ({ page }, testInfo) => {
  const id = uniqueId();
  await deliver(testServer, prescription(id));
  await openPrintPage(page, id);

  // On screen: the toolbar, the header fields and a real link to the dispense URL.
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Paper size" }).getByRole("link", { name: "A4" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("consultation-id")).toHaveText(String(id));
  await expect(page.getByTestId("pass-code")).toHaveText(passCode);
  await expect(page.getByRole("link", { name: dispenseUrl })).toHaveAttribute("href", dispenseUrl);

  // The QR code is generated here and encodes exactly the dispense link.
  const qr = page.getByTestId("dispense-qr");
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(decodeQrPng(await qr.screenshot())).toBe(dispenseUrl);

  // On paper: no app header, toolbar or button; the QR code at least 3 cm wide (113 px at 96 px/in).
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: e2eInstanceName, exact: true })).toBeHidden();
  await expect(page.getByTestId("print-toolbar")).toBeHidden();
  await expect(page.getByRole("button")).toHaveCount(0);
  const qrBox = await qr.boundingBox();
  expect(qrBox?.width).toBeGreaterThanOrEqual(113);
  expect(decodeQrPng(await qr.screenshot())).toBe(dispenseUrl);

  const pdf = await printPdf(page, testInfo, "prescription-a4.pdf");
  expectPaperSize(pdf, paper.a4);
  expect(pdfPages(pdf).pages).toBe(1);
  const text = normalizeText(pdfText(pdf, { order: "raw" }));
  for (const drug of sampleDrugLines) {
    expect(text).toContain(`${drug.tradeName} ${drug.generic}`);
    expect(text).toContain(drug.dose);
  }
  for (const entry of [...sample.icd10.diagnosis, ...sample.icd10.symptom]) expect(text).toContain(`${entry.code} ${entry.name}`);
  expect(text).toContain(`PASS CODE ${passCode}`);
  expect(text).toContain(dispenseUrl);
  expect(text).toContain(e2eInstanceName.toUpperCase());
  expect(text).toContain(`Consultation ${id}`);
  expect(text).toContain("Issued 15 June 2023 at 09:46 UTC");
  for (const part of ["medications note", "FIT Test", "Gastroenterologist/ Stomach & Bowel Specialist", "Do Lab Test", "Blister · 20 per pack"]) {
    expect(text).toContain(part);
  }
  expect(text).not.toMatch(/\bnull\b|\bundefined\b/);
});

test("A5 from the paper selector: the PDF is A5 and still holds every drug, code and the link", async ({ page }, testInfo) => {
  const id = uniqueId();
  await deliver(testServer, prescription(id));
  await openPrintPage(page, id);

  await page.getByRole("navigation", { name: "Paper size" }).getByRole("link", { name: "A5" }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${id}/print\\?paper=a5$`));
  await expect(page.getByRole("navigation", { name: "Paper size" }).getByRole("link", { name: "A5" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator("[data-print-sheet]")).toHaveAttribute("data-paper", "a5");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  await page.emulateMedia({ media: "print" });
  expect((await page.getByTestId("dispense-qr").boundingBox())?.width).toBeGreaterThanOrEqual(113);

  // The page's own @page rule decides the size: A5, whatever the default paper is.
  const pdf = await printPdf(page, testInfo, "prescription-a5.pdf", { format: "A4", preferCSSPageSize: true });
  expectPaperSize(pdf, paper.a5);
  expect(pdfPages(pdf).pages).toBe(1);
  const text = normalizeText(pdfText(pdf, { order: "raw" }));
  for (const drug of sampleDrugLines) {
    expect(text).toContain(drug.tradeName);
    expect(text).toContain(drug.dose);
  }
  for (const entry of [...sample.icd10.diagnosis, ...sample.icd10.symptom]) expect(text).toContain(entry.code);
  expect(text).toContain(passCode);
  expect(text).toContain(dispenseUrl);
});

test("a drug's registration number prints with its label, as on screen", async ({ page }, testInfo) => {
  const id = uniqueId();
  await deliver(testServer, prescription(id, { drug: { fdaDrug: [{ ...sample.drug.fdaDrug[0], registrationNumber: "6-1234-19" }] } }));
  await openPrintPage(page, id);

  await expect(page.getByTestId("drug-row")).toContainText("Registration no.: 6-1234-19");
  const pdf = await page.pdf({ format: "A4" });
  await testInfo.attach("registration-number.pdf", { body: pdf, contentType: "application/pdf" });
  expect(normalizeText(pdfText(pdf, { order: "raw" }))).toContain("Registration no.: 6-1234-19");
});

test("a long prescription breaks between drug rows, never inside one", async ({ page }, testInfo) => {
  const id = uniqueId();
  const count = 14;
  await deliver(testServer, manyDrugsRecommendation(id, count));
  await openPrintPage(page, id, { query: "?paper=a5" });

  await page.emulateMedia({ media: "print" });
  const rows = page.getByTestId("drug-row");
  await expect(rows).toHaveCount(count);
  expect(await rows.first().evaluate((row) => getComputedStyle(row).breakInside)).toBe("avoid");

  const pdf = await printPdf(page, testInfo, "long-prescription-a5.pdf", { preferCSSPageSize: true });
  const { pages } = pdfPages(pdf);
  expect(pages).toBeGreaterThan(2);
  const pageTexts = Array.from({ length: pages }, (_, index) => normalizeText(pdfText(pdf, { order: "raw", page: index + 1 })));
  for (let n = 1; n <= count; n++) {
    const label = String(n).padStart(2, "0");
    // A row's first line (its trade name) and its last (its instructions) are on one page.
    const starts = pageTexts.flatMap((text, index) => (text.includes(`TRADE NAME ${label} TAB`) ? [index + 1] : []));
    const ends = pageTexts.flatMap((text, index) => (text.includes(`(drug ${label})`) ? [index + 1] : []));
    expect(starts, `drug ${label}`).toHaveLength(1);
    expect(ends, `drug ${label}`).toEqual(starts);
    expect(pageTexts[starts[0]! - 1]).toContain(`for ${100 + n} days`);
  }
});

test("an Arabic recommendation prints right to left in the shipped Arabic font, and the PDF holds the Arabic words", async ({ page }, testInfo) => {
  const id = uniqueId();
  await deliver(testServer, arabicRecommendation(id));
  await openPrintPage(page, id);

  const title = page.getByTestId("drug-title");
  await expect(title).toHaveText(arabic.tradeName);
  expect(await title.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
  expect(await page.getByText(arabic.medicationNote).evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
  // The labels around Arabic values stay left to right.
  expect(await page.getByTestId("dose-line").evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");
  // The Arabic glyphs come from the typeface the app ships (served from /_next/static, loaded).
  const arabicFace = await page.evaluate(async () => {
    const root = document.querySelector(".print-root");
    const family = root ? getComputedStyle(root).getPropertyValue("--font-print-arabic").split(",")[0]!.trim().replace(/^['"]|['"]$/g, "") : "";
    await document.fonts.ready;
    const face = [...document.fonts].find((candidate) => candidate.family.replace(/^['"]|['"]$/g, "") === family);
    return { family, status: face?.status ?? "missing", unicodeRange: face?.unicodeRange ?? "", covers: document.fonts.check(`16px "${family}"`, "ب") };
  });
  expect(arabicFace).toEqual({ family: expect.stringMatching(/\S/), status: "loaded", unicodeRange: expect.stringContaining("U+600-6FF"), covers: true });

  await page.emulateMedia({ media: "print" });
  const pdf = await printPdf(page, testInfo, "prescription-arabic-a4.pdf");

  const reading = compactText(pdfText(pdf, { order: "reading" }));
  for (const words of [
    arabic.tradeName,
    arabic.diagnosis.name,
    arabic.symptom.name,
    arabic.dosageUnit,
    arabic.frequency,
    arabic.relationWithFood,
    arabic.specialInstructions,
    arabic.medicationNote,
    arabic.referral,
    arabic.followUp,
  ]) {
    for (const run of arabicRuns(words)) expect(reading, words).toContain(run);
  }
  const raw = normalizeText(pdfText(pdf, { order: "raw" }));
  expect(raw).toContain(arabic.diagnosis.code);
  expect(raw).toContain("(PARACETAMOL)");
  expect(raw).toContain(passCode);
  expect(raw).toContain(dispenseUrl);

  await page.emulateMedia({ media: "screen" });
  expect(decodeQrPng(await page.getByTestId("dispense-qr").screenshot())).toBe(dispenseUrl);
});

test("the print page has no serious or critical accessibility violation", async ({ page }) => {
  const id = uniqueId();
  await deliver(testServer, arabicRecommendation(id));
  await openPrintPage(page, id);
  await expectNoSeriousA11yViolations(page);
});
