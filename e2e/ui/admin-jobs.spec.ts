// /admin/jobs in Chromium: an admin finds it in the header and sees every job with its schedule
// and the recorded runs (the e2e server runs the unauthenticated-records retention every 5 s);
// a coordinator has no link to it and gets the 403 page.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { storageStatePath } from "../support/test-server";

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("lists the jobs with their schedules and shows recorded runs", async ({ page }) => {
    await page.goto("/consultations");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
    await expect(page).toHaveURL(/\/admin\/jobs$/);
    await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
    const jobs = page.getByTestId("job-row");
    await expect(jobs.filter({ hasText: "retention-" })).toHaveCount(3);
    await expect(jobs.filter({ hasText: "retention-delivery-bodies" })).toContainText("after 90 days");
    await expect(jobs.filter({ hasText: "retention-refused-deliveries" })).toContainText("after 30 days");
    await expect(jobs.filter({ hasText: "retention-unauthenticated" })).toContainText("*/5 * * * * *");

    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("run-row").filter({ hasText: "retention-unauthenticated" }).first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 25_000 });
    const run = page.getByTestId("run-row").filter({ hasText: "retention-unauthenticated" }).first();
    await expect(run).toContainText("succeeded");
    await expect(jobs.filter({ hasText: "retention-unauthenticated" })).toContainText("succeeded");
    await expectNoSeriousA11yViolations(page, "/admin/jobs");
  });
});

test("a coordinator has no link to the jobs and gets 403 there", async ({ page }) => {
  await page.goto("/consultations");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Consultations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Jobs" })).toHaveCount(0);
  const response = await page.goto("/admin/jobs");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Your role may not open this page")).toBeVisible();
  await expect(page.getByText("retention-unauthenticated")).toHaveCount(0);
});
