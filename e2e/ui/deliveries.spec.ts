// The webhook inbox in Chromium: filters by outcome and type, one delivery's headers (secrets
// reduced to their scheme or count) and pretty-printed raw body.
import { expect, test } from "@playwright/test";
import { statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver, sendWebhook } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";
import { storageStatePath } from "../support/test-server";

// These pages include the webhook deliveries log: signed in as an admin.
test.use({ storageState: storageStatePath("admin") });

test("filters by outcome and type, and opens one delivery with masked headers and its body pretty-printed", async ({ page }) => {
  const id = uniqueId();
  const body = statusUpdate(id, null, "new", timeWindow().at(1));
  const webhookId = `msg_e2e_${uniqueId()}`;
  const { delivery_id: processed } = await deliver(testServer, body, { webhookId });
  const { delivery_id: duplicate } = await deliver(testServer, body, { webhookId });
  const rejected = await sendWebhook(testServer, { type: "recommendation_data", consultation_id: id, datetime: "yesterday" });
  expect(rejected.status).toBe(400);
  const unauthorized = await sendWebhook(testServer, body, { unsigned: true });
  expect(unauthorized.status).toBe(401);

  await page.goto("/deliveries");
  const form = page.getByRole("form", { name: "Filter deliveries" });
  await form.getByLabel("Outcome").selectOption("duplicate");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/outcome=duplicate/);
  await expect(page.locator(`[data-row-id="${duplicate}"]`)).toBeVisible();
  const outcomes = page.locator("[data-testid=deliveries-table] [data-outcome]");
  await expect.poll(() => outcomes.evaluateAll((badges) => [...new Set(badges.map((badge) => badge.getAttribute("data-outcome")))])).toEqual(["duplicate"]);

  await form.getByLabel("Outcome").selectOption("rejected");
  await form.getByLabel("Type").selectOption("recommendation_data");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/outcome=rejected&type=recommendation_data/);
  const rejectedRow = page.locator("[data-testid=deliveries-table] tbody tr", { hasText: String(id) });
  await expect(rejectedRow).toContainText("invalid_payload");
  await expect(rejectedRow).toContainText("datetime");
  await expect.poll(() => outcomes.evaluateAll((badges) => [...new Set(badges.map((badge) => badge.getAttribute("data-outcome")))])).toEqual(["rejected"]);

  await page.goto("/deliveries?outcome=unauthorized");
  await expect(page.locator("[data-testid=deliveries-table] tbody tr").first()).toContainText("unauthorized");

  // Open the processed one.
  await page.goto("/deliveries");
  await page.locator(`[data-row-id="${processed}"]`).getByRole("link", { name: `Open delivery ${processed}` }).click();
  await expect(page).toHaveURL(new RegExp(`/deliveries/${processed}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Delivery ${processed}`);
  const headers = page.getByTestId("delivery-headers");
  await expect(headers).toContainText("webhook-id");
  await expect(headers).toContainText(webhookId);
  // Of the signature, only how many there were is kept.
  const signature = await headers.locator("tr", { hasText: "webhook-signature" }).locator("td").textContent();
  expect(signature).toBe("1 signature");
  const shown = await page.getByTestId("delivery-body").textContent();
  expect(shown).toContain(`"consultation_id": ${id}`);
  expect(shown).toContain('\n  "new_status": "new"');
  expect(JSON.parse(shown!)).toEqual(body);
  await page.getByRole("link", { name: String(id) }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${id}$`));
});

test("an unknown delivery is a friendly not-found page, answered with 404", async ({ page }) => {
  for (const id of ["999999999", "abc"]) {
    const response = await page.goto(`/deliveries/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { name: "Delivery not found" })).toBeVisible();
  }
});
