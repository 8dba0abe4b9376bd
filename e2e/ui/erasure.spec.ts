// Erasing one consultation in Chromium: an admin opens the confirm step, sees what will be
// deleted, is stopped by a wrong confirmation, then erases it and lands on the list with a
// notice; the consultation is gone. A coordinator never sees the control.
import { expect, test } from "@playwright/test";
import { recommendation, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { storageStatePath } from "../support/test-server";
import { testServer } from "../support/webhooks";

async function consultation() {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, null, "new", w.at(0)));
  await deliver(testServer, statusUpdate(id, "new", "in_progress", w.at(5)));
  await deliver(testServer, recommendation(id, w.at(10)));
  return id;
}

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("erases a consultation after a typed confirmation", async ({ page }) => {
    const id = await consultation();
    await page.goto(`/consultations/${id}`);
    await page.getByText("Erase this consultation…").click();
    const counts = page.getByTestId("erase-counts");
    await expect(counts).toContainText("2 status changes");
    await expect(counts).toContainText("1 recommendation version");
    await expect(counts).toContainText("3 webhook deliveries");

    const confirmation = page.getByLabel(`Type ${id} to confirm`);
    await confirmation.fill("12345");
    await page.getByRole("button", { name: "Erase permanently" }).click();
    await expect(page.getByRole("form", { name: "Erase this consultation" }).getByRole("alert")).toHaveText(`Type ${id} to confirm. Nothing was erased.`);

    await confirmation.fill(String(id));
    await page.getByRole("button", { name: "Erase permanently" }).click();
    await expect(page).toHaveURL(new RegExp(`/consultations\\?erased=${id}$`));
    await expect(page.getByTestId("erased-notice")).toHaveText(`Consultation ${id} was erased, with its status history, recommendations and webhook deliveries.`);

    const gone = await page.goto(`/consultations/${id}`);
    expect(gone?.status()).toBe(404);
  });
});

test("a coordinator sees no erasure control", async ({ page }) => {
  const id = await consultation();
  await page.goto(`/consultations/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Consultation ${id}`);
  await expect(page.getByText("Erase this consultation…")).toHaveCount(0);
});
