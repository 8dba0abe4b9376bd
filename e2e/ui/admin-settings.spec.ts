// /admin/settings in Chromium: the full webhook URL, the signing secret masked until revealed,
// copy, rotation, and the notice that the environment overrides it (the e2e server is started
// with WEBHOOK_SIGNING_SECRETS).
import { expect, test } from "@playwright/test";
import { e2eBaseUrl } from "../support/test-server";
import { storageStatePath } from "../support/test-server";

// Settings and raw delivery bodies are for admins.
test.use({ storageState: storageStatePath("admin") });

test("shows the webhook URL and the stored secret masked; reveals, copies and rotates it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2eBaseUrl });
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("settings-webhook-url")).toHaveText(`${e2eBaseUrl}/api/webhooks`);
  await expect(page.getByTestId("env-overrides")).toContainText("overrides the secret below");

  const secret = page.getByTestId("webhook-secret");
  const masked = (await secret.textContent())!;
  expect(masked).toMatch(/^whsec_.{4}….{4}$/);
  await page.getByRole("button", { name: "Reveal" }).click();
  await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const revealed = (await secret.textContent())!;
  expect(revealed.endsWith(masked.slice(-4))).toBe(true);
  await page.getByRole("button", { name: "Hide" }).click();
  await expect(secret).toHaveText(masked);

  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(revealed);

  await page.getByRole("button", { name: "Rotate the secret" }).click();
  await expect(secret).not.toHaveText(masked);
  await expect(page.getByText(/The previous secret is still accepted until/)).toBeVisible();
});
