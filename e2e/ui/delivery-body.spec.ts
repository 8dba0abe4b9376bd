// A large delivery body in Chromium: /deliveries/[id] shows its first 64 KB pretty-printed and
// offers the whole body as a download.
import { expect, test } from "@playwright/test";
import { recommendation, recommendationData, sampleDatetime, uniqueId } from "../../tests/support/payloads";
import { deliver } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";
import { storageStatePath } from "../support/test-server";

// Settings and raw delivery bodies are for admins.
test.use({ storageState: storageStatePath("admin") });

test("a 900 KB body: the first 64 KB on the page, the whole as a download", async ({ page }) => {
  const sample = recommendationData();
  const body = recommendation(uniqueId(), sampleDatetime("recommendation_data"), {
    ...sample,
    postCallAnswer: Array.from({ length: 900 }, (_, index) => ({ question: "doctor_notes", answer: `note ${index} ${"x".repeat(1000)}` })),
  });
  const text = JSON.stringify(body);
  const { delivery_id: id } = await deliver(testServer, text);

  await page.goto(`/deliveries/${id}`);
  await expect(page.getByText(/Showing the first 64 KB of [\d,]+ bytes/)).toBeVisible();
  const shown = (await page.getByTestId("delivery-body").textContent())!;
  expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(64 * 1024);
  expect(shown).toContain('"note 0 x');
  expect(shown).not.toContain('"note 899 x');

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("delivery-body-download").click()]);
  expect(download.suggestedFilename()).toBe(`delivery-${id}.json`);
  const file = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).toBe(text);
});
