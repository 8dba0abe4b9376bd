// The audit trail end to end: a coordinator opens a consultation, reveals its pass code and prints
// it; the auditor then finds exactly those three events on /audit (filtered by that consultation),
// and no medical content anywhere on the page or in its CSV export.
import { expect, test } from "@playwright/test";
import { recommendationData, uniqueId } from "../../tests/support/payloads";
import { prescription } from "../../tests/support/prescriptions";
import { deliver } from "../../tests/support/webhooks";
import { revealDispense } from "../support/dispense";
import { openPrintPage, sampleDispense, sampleDrugLines } from "../support/print-page";
import { e2eBaseUrl, e2eUsers, storageStatePath } from "../support/test-server";
import { testServer } from "../support/webhooks";

const sample = recommendationData();

test("the auditor sees exactly the coordinator's opening, reveal and print, and nothing medical", async ({ browser }) => {
  const id = uniqueId();
  await deliver(testServer, prescription(id));

  // The browser's zone already known to the server: the time-zone sync would otherwise render the
  // page a second time (a second, recorded, opening).
  const coordinator = await browser.newContext({ storageState: storageStatePath("coordinator"), timezoneId: "UTC" });
  await coordinator.addCookies([{ name: "tz", value: "UTC", url: e2eBaseUrl }]);
  const page = await coordinator.newPage();
  await page.goto(`/consultations/${id}`);
  await expect(page.getByTestId("pass-code-masked")).toHaveText("••••");
  await expect(page.getByTestId("pass-code")).toHaveCount(0);
  await revealDispense(page);
  await expect(page.getByTestId("pass-code")).toHaveText(sampleDispense.passCode);
  await openPrintPage(page, id);
  await coordinator.close();

  const auditor = await browser.newContext({ storageState: storageStatePath("auditor") });
  const audit = await auditor.newPage();
  // The auditor's menu has the audit trail (and no consultations).
  await audit.goto("/");
  await audit.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(audit.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await audit.getByRole("textbox", { name: "Consultation" }).fill(String(id));
  await audit.getByRole("button", { name: "Apply" }).click();
  await expect(audit).toHaveURL(new RegExp(`consultation=${id}`));
  const rows = audit.getByTestId("audit-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  // Newest first: the print, the reveal, the opening; each by the coordinator.
  await expect(rows.nth(0)).toHaveAttribute("data-action", "print.viewed");
  await expect(rows.nth(1)).toHaveAttribute("data-action", "passcode.revealed");
  await expect(rows.nth(2)).toHaveAttribute("data-action", "consultation.viewed");
  for (let i = 0; i < 3; i++) {
    await expect(rows.nth(i)).toContainText(e2eUsers.coordinator.email);
    await expect(rows.nth(i)).toContainText(String(id));
  }
  await expect(rows.nth(0)).toContainText("paperSize: a4");
  // An auditor sees the consultation's id, never a link into it.
  await expect(audit.getByTestId("audit-table").locator(`a[href="/consultations/${id}"]`)).toHaveCount(0);

  const medical = [
    sampleDispense.passCode,
    sampleDispense.url,
    ...sampleDrugLines.flatMap((drug) => [drug.tradeName, drug.generic.replace(/[()]/g, "")]),
    ...(sample.postCallAnswer as { answer: string }[]).map((entry) => entry.answer),
    ...sample.icd10.diagnosis.map((entry) => entry.name),
    (sample.doctorReferral as { name: string }).name,
  ];
  const pageText = await audit.locator("main").innerText();
  for (const text of medical) expect(pageText, text).not.toContain(text);

  const [download] = await Promise.all([audit.waitForEvent("download"), audit.getByTestId("audit-export").click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = csv.trim().split("\n");
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^seq,at,actorKind/);
  for (const text of medical) expect(csv, text).not.toContain(text);
  await auditor.close();
});
