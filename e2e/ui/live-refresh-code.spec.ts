// The live poll's code is fetched after the page has loaded (components/live-refresh.tsx): when
// that fetch fails (a network blip, a deploy in between), the page stays as it is and the poll
// starts once its code arrives.
import { expect, test } from "@playwright/test";

test("the open list survives a failed fetch of the live poll's code and goes live when it arrives", async ({ page }) => {
  let refused = 0;
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    // The poll's chunk is the one with react-query in it (no page loads that up front).
    if (body.includes("No QueryClient set") && refused < 3) {
      refused += 1;
      return route.abort("internetdisconnected");
    }
    return route.fulfill({ response, body });
  });
  await page.goto("/consultations");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveText("Connecting…");
  await expect(page.getByTestId("live-status")).toHaveText("Live", { timeout: 20_000 });
  expect(refused).toBe(3);
});
