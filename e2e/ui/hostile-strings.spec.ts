// Payload text is untrusted: markup and javascript: URLs must show as text, run nothing and
// inject no element, on every page that shows them.
import { expect, test } from "@playwright/test";
import { recommendation, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";
import { storageStatePath } from "../support/test-server";
import { revealDispense } from "../support/dispense";

// These pages include the webhook deliveries log: signed in as an admin.
test.use({ storageState: storageStatePath("admin") });

const script = "<script>window.__pwned='script'</script>";
const img = "<img src=x onerror=\"window.__pwned='img'\">";
const js = "javascript:window.__pwned='link'";
const svg = "<svg onload=\"window.__pwned='svg'\">";

test("hostile strings render as text: no dialog, no script run, no element injected", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const w = timeWindow();
  const id = uniqueId();
  const n = uniqueId();
  await deliver(testServer,
    recommendation(
      id,
      w.at(2),
      {
        icd10: { symptom: [{ code: script, name: img }], diagnosis: [{ code: `H${n}`, name: `${svg} alert(1)` }] },
        drug: {
          fdaDrug: [{ name: img, tradeName: script, frequency: js, specialInstructions: "<iframe src=javascript:alert(1)>", howToUse: "<a href=javascript:alert(1)>tap</a>" }],
        },
        lab: { lab: [{ name: script, code: img }] },
        doctorReferral: { name: "<b onmouseover=alert(1)>Dr</b>" },
        followUp: [{ name: js }],
        postCallAnswer: [
          { question: script, answer: img },
          { question: "doctor_notes", answer: `${js} ${svg}` },
        ],
        dispense: { url: js, pass_code: "<b>1</b>", qr_code: js },
      },
      { insurance_id: script, policy_number: img },
    ),
  );
  await deliver(testServer, statusUpdate(id, null, "new", w.at(1), { insurance_id: script, policy_number: img }));

  const pages = [`/consultations/${id}`, `/consultations?q=${encodeURIComponent(`H${n}`)}`, "/deliveries"];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }

  await page.goto(`/consultations/${id}`);
  await revealDispense(page);
  for (const text of [script, img, js, svg, "<b>1</b>", "<b onmouseover=alert(1)>Dr</b>", "<iframe src=javascript:alert(1)>"]) {
    await expect(page.locator("main").getByText(text, { exact: false }).first()).toBeVisible();
  }
  await expect(page.getByTestId("dispense-url")).toHaveCount(0);
  await expect(page.getByTestId("dispense-qr")).toHaveCount(0);

  await page.goto(`/consultations?q=${encodeURIComponent(`H${n}`)}`);
  await expect(page.locator(`[data-row-id="${id}"]`)).toContainText(script);
  await expect(page.locator(`[data-row-id="${id}"]`)).toContainText(img);

  for (const path of pages) {
    await page.goto(path);
    // Injected handlers (an <img onerror>, say) would have run by the load event.
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), path).toBeUndefined();
    await expect(page.locator("main img[src='x'], main svg[onload], main iframe, main b, main script")).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});
