// Long payload text: clipped on screen behind a "Show all" disclosure, printed whole on paper.
import { expect, test } from "@playwright/test";
import { recommendationData, uniqueId } from "../../tests/support/payloads";
import { prescription } from "../../tests/support/prescriptions";
import { deliver } from "../../tests/support/webhooks";
import { compactText, pdfPages, pdfText } from "../support/pdf";
import { openPrintPage, printPdf } from "../support/print-page";
import { testServer } from "../support/webhooks";

/** About `length` characters of numbered words ending in `end`, so a test can find the last of them. */
const words = (length: number, end: string) =>
  Array.from({ length: Math.ceil(length / 10) }, (_, index) => `w${String(index).padStart(6, "0")}.`).join(" ") + ` ${end}`;

test("a 12,000-character note and 20,000-character instructions: clipped with Show all on screen, whole on paper", async ({ page }, testInfo) => {
  const id = uniqueId();
  const noteEnd = `NOTE-END-${id}`;
  const instructionsEnd = `INSTRUCTIONS-END-${id}`;
  const note = words(12_000, noteEnd);
  const instructions = words(20_000, instructionsEnd);
  const sample = recommendationData();
  await deliver(
    testServer,
    prescription(id, {
      drug: { fdaDrug: [{ ...sample.drug.fdaDrug[0], specialInstructions: instructions }] },
      postCallAnswer: [{ question: "doctor_notes", answer: note }, { question: "fda_drug", answer: note }],
    }),
  );

  await page.goto(`/consultations/${id}`);
  const notes = page.getByTestId("notes");
  await expect(notes.getByText("w000000.", { exact: false }).first()).toBeVisible();
  await expect(notes.getByText(noteEnd, { exact: false }).first()).toBeHidden();
  const showAll = notes.getByText(/^Show all \([\d,]+ characters\)$/).first();
  await expect(showAll).toBeVisible();
  await showAll.click();
  await expect(notes.getByTestId("note-full").first()).toBeVisible();
  await expect(notes.getByTestId("note-full").first()).toContainText(noteEnd);

  const drug = page.getByTestId("drug").first();
  await expect(drug.getByText(instructionsEnd, { exact: false })).toBeHidden();
  await drug.getByText(/^Show all/).click();
  await expect(drug.getByText(instructionsEnd, { exact: false })).toBeVisible();

  await openPrintPage(page, id);
  const pdf = await printPdf(page, testInfo, "long-text.pdf");
  expect(pdfPages(pdf).pages).toBeGreaterThan(1);
  const printed = compactText(pdfText(pdf, { order: "raw" }));
  expect(printed).toContain(compactText(instructionsEnd));
  expect(printed).toContain(compactText(noteEnd));
  expect(printed).not.toContain("Showall");
});
