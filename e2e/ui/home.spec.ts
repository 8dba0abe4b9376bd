import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { e2eInstanceName } from "../support/test-server";

test.beforeAll(({ browser }) => {
  // Shown in the test output: proof of which browser the ui specs really ran in.
  console.log(`ui specs: ${browser.browserType().name()} ${browser.version()}`);
});

// The e2e server starts on an empty database. Specs that add data must not run before this one
// in the same server, or must compare counts before and after instead.
test("the home page renders the overview of an empty database in Chromium", async ({ page, browserName }) => {
  expect(browserName).toBe("chromium");
  await page.goto("/");
  await expect(page).toHaveTitle(e2eInstanceName);
  await expect(page.getByRole("link", { name: e2eInstanceName })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("consultation-count")).toHaveText("0");
  await expect(page.getByTestId("delivery-count")).toHaveText("0");
  await expect(page.getByText("No webhook received yet.")).toBeVisible();
});

test("the home page has no serious or critical accessibility violation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(blocking).toEqual([]);
});
