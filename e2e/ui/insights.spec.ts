// /insights in Chromium, signed in as a coordinator: the figures for a range holding only this
// test's consultations, their table alternatives, a bad range explained, axe clean.
import { expect, test } from "@playwright/test";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { testServer } from "../support/webhooks";

const data = (code: string, ...drugs: string[]) =>
  recommendationData({
    icd10: { symptom: [], diagnosis: [{ code, name: `Diagnosis <b>${code}</b>` }] },
    drug: { fdaDrug: drugs.map((name) => ({ name, tradeName: `${name} 500 MG`, frequency: "Twice daily", duration: 7 })) },
  });

test("the insights of a range show each figure, with a table behind every chart", async ({ page }) => {
  const w = timeWindow();
  const closedAfter = [30, 90, 150];
  for (const [index, minutes] of closedAfter.entries()) {
    const id = uniqueId();
    await deliver(testServer, statusUpdate(id, null, "new", w.at(index)));
    await deliver(testServer, statusUpdate(id, "new", "closed", w.at(index + minutes)));
    if (index < 2) await deliver(testServer, recommendation(id, w.at(index + 1), data("J06", "Amoxicillin", "Paracetamol")));
  }
  const open = uniqueId();
  await deliver(testServer, statusUpdate(open, null, "in_progress", w.at(200)));
  await deliver(testServer, recommendation(open, w.at(201), data("K29", "Omeprazole")));

  await page.goto(`/insights?from=${w.date}&to=${w.date}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Insights");
  await expect(page.getByTestId("insights-range")).toContainText(`between ${w.date} and ${w.date}`);
  await expect(page.getByTestId("insights-freshness")).toContainText(/^Figures counted at \d{2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}: recounted every 30 s/);
  await expect(page.getByRole("img", { name: /Consultations per day by status.*: 4 in all/ })).toBeVisible();
  await expect(page.getByTestId("close-median")).toHaveText("1 h 30 min");
  await expect(page.getByTestId("close-p90")).toHaveText("2 h 30 min");
  await expect(page.getByTestId("recommendation-share")).toHaveText("66.7 % (2 of 3 closed consultations)");
  await expect(page.getByRole("img", { name: "Top 10 diagnoses: Diagnosis <b>J06</b> 2, Diagnosis <b>K29</b> 1" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Top 10 drugs: Amoxicillin 2, Paracetamol 2, Omeprazole 1" })).toBeVisible();

  // The table alternatives (in a <details> each).
  await page.getByText("Consultations per day as a table").click();
  const perDay = page.getByTestId("per-day-table");
  await expect(perDay.locator("tbody tr")).toHaveCount(1);
  await expect(perDay.locator("tbody tr").first()).toHaveText([w.date, "0", "0", "1", "3", "0", "4"].join(""));
  await page.getByText("Top 10 diagnoses as a table").click();
  await expect(page.getByTestId("top-diagnoses-table").locator("tbody tr").first().locator("td")).toHaveText(["1", "J06", "Diagnosis <b>J06</b>", "2"]);
  await page.getByText("Top 10 drugs as a table").click();
  await expect(page.getByTestId("top-drugs-table").locator("tbody tr")).toHaveCount(3);
  await expect(page.locator("b")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "insights");
  await page.screenshot({ path: "/tmp/insights.png", fullPage: true });
});

test("the header links to insights, which defaults to the last 30 days; a bad range is explained", async ({ page }) => {
  await page.goto("/consultations");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.getByTestId("per-day-table").locator("tbody tr")).toHaveCount(30);

  const response = await page.goto("/insights?from=2024-03-05&to=2024-03-01");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toContainText("from must be on or before the last day (to)");
  await expectNoSeriousA11yViolations(page, "insights with a bad range");
});
