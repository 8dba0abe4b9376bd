// The consultation page masks the pass code, dispense link and QR code until Reveal (a recorded
// server action): specs that look at them press it first, as a coordinator would.
import { expect, type Page } from "@playwright/test";

export async function revealDispense(page: Page): Promise<void> {
  await expect(page.getByTestId("pass-code-masked")).toHaveText("••••");
  await page.getByTestId("reveal-dispense").click();
  await expect(page.getByTestId("dispense-revealed")).toBeVisible();
}
