// Disguised and oversized dispense links on the consultation page and on paper: a link with
// user-info, a look-alike host and a right-to-left override stays inert text with a warning;
// the host of a good link is shown on its own; a 3,000-character link skips only its QR code.
import { expect, test } from "@playwright/test";
import { recommendationData, uniqueId } from "../../tests/support/payloads";
import { prescription } from "../../tests/support/prescriptions";
import { deliver } from "../../tests/support/webhooks";
import { openPrintPage } from "../support/print-page";
import { testServer } from "../support/webhooks";
import { revealDispense } from "../support/dispense";

const sample = recommendationData();
const withUrl = (id: number, url: string) => prescription(id, { dispense: { ...sample.dispense, url } });

test("a disguised link is inert text with a warning, on screen and on paper", async ({ page }) => {
  const id = uniqueId();
  await deliver(testServer, withUrl(id, "https://web.altibb.com@\u0430ltibbi.com/prescription/\u202Egpj.exe"));
  const onScreen = async () => {
    await page.goto(`/consultations/${id}`);
    await revealDispense(page);
  };
  for (const open of [onScreen, () => openPrintPage(page, id)]) {
    await open();
    const warning = page.getByTestId("unsafe-dispense-url");
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("change the direction of text");
    await expect(warning).toContainText("⟨U+202E⟩gpj.exe");
    await expect(page.getByTestId("dispense-url")).toHaveCount(0);
    await expect(page.getByTestId("dispense-qr")).toHaveCount(0);
  }
});

test("a link with user-info is refused, its real host shown in punycode", async ({ page }) => {
  const id = uniqueId();
  await deliver(testServer, withUrl(id, "https://web.altibb.com@\u0430ltibbi.com/prescription/1"));
  await page.goto(`/consultations/${id}`);
  await revealDispense(page);
  await expect(page.getByTestId("unsafe-dispense-url")).toContainText("user name before its host");
  await expect(page.getByTestId("dispense-host")).toHaveText("xn--ltibbi-2nf.com");
  await expect(page.getByTestId("dispense-url")).toHaveCount(0);
});

test("a good link shows its host on its own; a 3,000-character one keeps the page and skips only the QR code", async ({ page }) => {
  const id = uniqueId();
  await deliver(testServer, prescription(id));
  await page.goto(`/consultations/${id}`);
  await revealDispense(page);
  await expect(page.getByTestId("dispense-host")).toHaveText("web.altibb.com");
  await expect(page.getByTestId("dispense-qr")).toBeVisible();

  const long = uniqueId();
  const url = `https://web.altibb.com/prescription/${"x".repeat(3000)}`;
  await deliver(testServer, withUrl(long, url));
  const response = await page.goto(`/consultations/${long}`);
  expect(response?.status()).toBe(200);
  await revealDispense(page);
  await expect(page.getByTestId("dispense-url")).toHaveAttribute("href", url);
  await expect(page.getByText("This link is too long for a QR code that scans")).toBeVisible();
  await expect(page.getByTestId("dispense-qr")).toHaveCount(0);
  await expect(page.getByTestId("pass-code")).toHaveText(String(sample.dispense.pass_code));
});
