// The `first` project: runs before every other spec, on the e2e server's empty database, one
// test after the other (the counts below are exact only while nobody else writes).
import { expect, test } from "@playwright/test";
import { e2eBaseUrl, e2eInstanceName } from "../support/test-server";
import { recommendation, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { testServer } from "../support/webhooks";

test.describe.configure({ mode: "serial" });

test.beforeAll(({ browser }) => {
  // Shown in the test output: proof of which browser the ui specs really ran in.
  console.log(`ui specs: ${browser.browserType().name()} ${browser.version()}`);
});

test("/ redirects to the consultation list, which explains how to connect Altibbi while it is empty", async ({ page, browserName }) => {
  expect(browserName).toBe("chromium");
  await page.goto("/");
  await expect(page).toHaveURL(/\/consultations$/);
  await expect(page).toHaveTitle(`Consultations · ${e2eInstanceName}`);
  await expect(page.getByRole("link", { name: e2eInstanceName })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await expect(page.getByTestId("webhook-url")).toHaveText(`${e2eBaseUrl}/api/webhooks`);
  // The e2e server has a signing secret: no warning banner.
  await expect(page.getByTestId("auth-warning")).toHaveCount(0);
  await expect(page.getByTestId("count-total")).toContainText("0");
});

test("the empty list has no serious or critical accessibility violation, at 1280 and 390 px", async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/consultations");
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await expectNoSeriousA11yViolations(page, `empty list at ${width} px`);
  }
});

test("counts per status are exact, and each is a link that filters the list", async ({ page }) => {
  const w = timeWindow();
  const plan: [string | null, string][] = [
    [null, "new"],
    [null, "new"],
    ["new", "checking_medical_profile"],
    ["checking_medical_profile", "in_progress"],
    ["in_progress", "closed"],
    ["in_progress", "closed"],
    ["in_progress", "closed"],
    ["new", "referred_offline"],
  ];
  for (const [index, [from, to]] of plan.entries()) await deliver(testServer, statusUpdate(uniqueId(), from, to, w.at(index)));
  await deliver(testServer, recommendation(uniqueId(), w.at(20)));

  const expected = { new: 2, checking_medical_profile: 1, in_progress: 1, closed: 3, other: 2, total: 9 };
  // Counts are cached for a couple of seconds: reload until they are current.
  await expect(async () => {
    await page.goto("/consultations");
    for (const [status, count] of Object.entries(expected)) {
      await expect(page.getByTestId(`count-${status}`).locator("[data-count]")).toHaveAttribute("data-count", String(count), { timeout: 100 });
    }
  }).toPass({ timeout: 15_000 });

  await page.getByTestId("count-closed").click();
  await expect(page).toHaveURL(/\/consultations\?status=closed$/);
  await expect(page.locator("[data-testid=consultation-table] tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("count-closed")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("checkbox", { name: "Closed" })).toBeChecked();

  await page.getByTestId("count-other").click();
  await expect(page).toHaveURL(/status=other$/);
  await expect(page.locator("[data-testid=consultation-table] tbody tr")).toHaveCount(2);
  await expect(page.locator("tbody").getByText("referred_offline")).toBeVisible();
  await expect(page.locator("tbody").getByText("no status yet")).toBeVisible();
});
