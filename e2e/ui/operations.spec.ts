// The operations pages in Chromium: /alerts (rules edited and reset), /admin/payload (a key
// nobody documented, linked to the delivery that carried it) and /admin/reprocess (dry run, then
// apply) as an admin; for a coordinator, no link to them and a 403.
import { expect, test } from "@playwright/test";
import { statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver, sendWebhook } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { testServer } from "../support/webhooks";
import { storageStatePath } from "../support/test-server";

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("/alerts lists the rules; a threshold is changed, then reset to its default", async ({ page }) => {
    await page.goto("/consultations");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Alerts/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Firing now \(\d+\)$/ })).toBeVisible();
    const row = page.getByTestId("rule-stuck_in_progress");
    await expect(row).toContainText("in_progress for longer than 4 hours");
    await expect(row).toContainText("ALERT_STUCK_IN_PROGRESS_HOURS");
    const form = row.getByRole("form", { name: "Stuck in progress rule" });
    await form.getByLabel("Stuck in progress threshold (hours)").fill("6");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved: threshold 6.");
    await expect(row).toContainText("in_progress for longer than 6 hours");
    await expect(row).toContainText("Changed");
    await row.getByRole("button", { name: "Use default" }).click();
    await expect(row.getByRole("status")).toHaveText("Saved: threshold 4.");
    await expect(row).toContainText("in_progress for longer than 4 hours");
    await expect(page.getByText(/CARE_DESK_ALERT_WEBHOOK_URL is not set/)).toBeVisible();
  });

  test("/admin/payload lists a key the contract does not know, linked to the delivery that carried it first", async ({ page }) => {
    const key = `escalation_${uniqueId()}`;
    const { delivery_id } = await deliver(testServer, statusUpdate(uniqueId(), null, "new", timeWindow().at(1), { [key]: true }));
    await page.goto("/deliveries");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payload drift" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Payload drift" })).toBeVisible();
    const row = page.getByTestId("drift-row").filter({ hasText: key });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Key");
    await expect(page.getByTestId("drift-row").filter({ hasText: /^Keyconsultation_id/ })).toHaveCount(0);
    await row.getByRole("link", { name: `Delivery ${delivery_id}` }).click();
    await expect(page).toHaveURL(new RegExp(`/deliveries/${delivery_id}$`));
    await expect(page.getByText(key).first()).toBeVisible();
  });

  test("/admin/reprocess: a dry run first, then Apply; a body still invalid says why", async ({ page }) => {
    const { delivery_id } = await deliver(testServer, statusUpdate(uniqueId(), null, "new", timeWindow().at(1)));
    await page.goto("/deliveries");
    await page.getByRole("link", { name: "Reprocess stored deliveries" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reprocess deliveries" })).toBeVisible();
    const form = page.getByRole("form", { name: "Deliveries to reprocess" });
    await form.getByLabel("Delivery id", { exact: true }).fill(String(delivery_id));
    await form.getByRole("button", { name: "Dry run" }).click();
    const dry = page.getByTestId("dry-run-summary");
    await expect(dry).toContainText(`delivery ${delivery_id}`);
    await expect(dry.getByTestId("summary-deliveries-selected")).toHaveText("1");
    await expect(dry.getByTestId("summary-unchanged")).toHaveText("1");
    await page.getByRole("button", { name: "Apply to this delivery" }).click();
    const applied = page.getByTestId("apply-summary");
    await expect(applied.getByTestId("summary-valid-today")).toHaveText("1");
    await expect(page.getByRole("status")).toHaveText("Reprocessed 1 delivery.");

    const refused = await sendWebhook(testServer, { type: "status_update", consultation_id: uniqueId(), datetime: "yesterday", new_status: "new" });
    expect(refused.status).toBe(400);
    await form.getByLabel("Delivery id", { exact: true }).fill("");
    await form.getByLabel("Outcome").selectOption("rejected");
    await form.getByLabel("After delivery id").fill(String(delivery_id));
    await form.getByRole("button", { name: "Dry run" }).click();
    await expect(page.getByTestId("dry-run-summary").getByRole("listitem").filter({ hasText: "datetime" }).first()).toBeVisible();
  });
});

test.describe("accessibility", () => {
  test.use({ storageState: storageStatePath("admin") });

  for (const width of [1280, 390]) {
    test(`the operations pages have no serious axe-core violation and no sideways scroll at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ["/alerts", "/admin/payload", "/admin/reprocess"]) {
        await page.goto(path);
        await expect(page.locator("main h1").first()).toBeVisible();
        await expectNoSeriousA11yViolations(page, `${path} at ${width} px`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width} px`).toBeLessThanOrEqual(width);
      }
    });
  }
});

test.describe("as a coordinator", () => {
  test.use({ storageState: storageStatePath("coordinator") });

  test("has no link to the operations pages, and each answers 403", async ({ page }) => {
    await page.goto("/consultations");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Consultations" })).toBeVisible();
    await expect(nav.getByRole("link", { name: /Alerts|Payload drift/ })).toHaveCount(0);
    for (const path of ["/alerts", "/admin/payload", "/admin/reprocess"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByText("Your role may not open this page")).toBeVisible();
    }
  });
});
