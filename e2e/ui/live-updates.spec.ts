// Live updates: with a page open (and live: its first poll has answered), a webhook's
// consultation or event appears after the webhook is answered (committed), without a reload;
// what the user was doing stays as it was. This proves that it happens (allowed 15 s on a busy
// machine); how fast is measured by `npm run bench` (live update latency, p50/p99).
import { expect, test, type Page } from "@playwright/test";
import { recommendation, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";
import { storageStatePath } from "../support/test-server";

// These pages include the webhook deliveries log: signed in as an admin.
test.use({ storageState: storageStatePath("admin") });

/** A mark that a full page load would erase. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

const liveUpdateTimeout = 15_000;

// Events dated now: newer than any other spec's (they use days before 2000), so at the top of the list.
const now = () => new Date().toISOString();

test("a new consultation appears in the open list without a reload; typed input and scroll stay", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 500 });
  await deliver(testServer, statusUpdate(uniqueId(), null, "new", now()));
  await page.goto("/consultations");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await markPage(page);
  const search = page.getByRole("form", { name: "Filter consultations" }).getByLabel("Search");
  await search.fill("typed, not submitted");
  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const scrolled = await page.evaluate(() => window.scrollY);

  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, null, "new", now()));
  const row = page.locator(`[data-row-id="${id}"]`);
  await expect(row).toBeAttached({ timeout: liveUpdateTimeout });
  await expect(row).toHaveClass(/animate-fresh/);

  expect(await stillSamePage(page)).toBe(true);
  await expect(search).toHaveValue("typed, not submitted");
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test("a new status and a new recommendation version appear on the open consultation page", async ({ page }) => {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, null, "new", w.at(1)));
  await page.goto(`/consultations/${id}`);
  await expect(page.getByTestId("timeline").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await markPage(page);

  await deliver(testServer, statusUpdate(id, "new", "in_progress", w.at(5)));
  await expect(page.getByTestId("timeline").locator("li")).toHaveCount(2, { timeout: liveUpdateTimeout });
  await deliver(testServer, recommendation(id, w.at(6)));
  await expect(page.getByTestId("drug")).toHaveCount(2, { timeout: liveUpdateTimeout });
  expect(await stillSamePage(page)).toBe(true);
});

test("a new delivery appears on the open deliveries page", async ({ page }) => {
  await page.goto("/deliveries");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await markPage(page);
  const { delivery_id: deliveryId } = await deliver(testServer, statusUpdate(uniqueId(), null, "new", timeWindow().at(1)));
  await expect(page.locator(`[data-row-id="${deliveryId}"]`)).toBeAttached({ timeout: liveUpdateTimeout });
  expect(await stillSamePage(page)).toBe(true);
});
