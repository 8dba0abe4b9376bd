// The consultation page masks the pass code, dispense link and QR code until Reveal (a recorded
// server action): specs that look at them press it first, as a coordinator would.
import { expect, type Page } from "@playwright/test";

/** Presses Reveal and waits for the block; does nothing when this page already shows it. */
export async function revealDispense(page: Page): Promise<void> {
  const revealed = page.getByTestId("dispense-revealed");
  await expect(page.getByTestId("pass-code-masked").or(revealed)).toBeVisible();
  if (await revealed.isVisible()) return;
  await expect(page.getByTestId("pass-code-masked")).toHaveText("••••");
  await page.getByTestId("reveal-dispense").click();
  await expect(revealed).toBeVisible();
}
