// axe-core on every page (with data, at 1280 and 390 px), keyboard use, and times in the
// viewer's time zone.
import { expect, test } from "@playwright/test";
import { readFixture, recommendation, recommendationData, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { testServer } from "../support/webhooks";
import { storageStatePath } from "../support/test-server";

// These pages include the webhook deliveries log: signed in as an admin.
test.use({ storageState: storageStatePath("admin") });

for (const width of [1280, 390]) {
  test(`every page has no serious or critical axe-core violation at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = timeWindow();
    const id = uniqueId();
    await deliver(testServer, statusUpdate(id, "in_progress", "closed", w.at(9)));
    await deliver(testServer, statusUpdate(id, null, "new", w.at(1)));
    await deliver(testServer, statusUpdate(id, "new", "escalated_to_gp", w.at(5)));
    await deliver(testServer, recommendation(id, w.at(2)));
    const arabic = recommendationData({
      icd10: { diagnosis: [{ code: "K29.7", name: "التهاب المعدة" }] },
      postCallAnswer: [{ question: "doctor_notes", answer: "يرجى المتابعة بعد أسبوع" }],
      dispense: { url: "javascript:alert(1)", pass_code: 77 },
    });
    await deliver(testServer, recommendation(id, w.at(3), arabic));
    const { delivery_id: deliveryId } = await deliver(testServer, statusUpdate(uniqueId(), null, "new", w.at(1)));
    // A member of their own (the samples' user id 1 is every spec's), prescribed the same drug twice.
    const member = String(uniqueId());
    const ids = { user_id: member, policy_number: `AX-${member}` };
    await deliver(testServer, recommendation(uniqueId(), w.at(4), arabic, ids));
    await deliver(testServer, recommendation(uniqueId(), w.at(6), undefined, ids));

    const pages: [string, string][] = [
      [`/consultations?${w.query}`, "list"],
      ["/consultations?status=closed&sort=status_time&dir=asc", "list, filtered and sorted"],
      [`/consultations?q=${uniqueId()}`, "list without results"],
      ["/consultations?limit=0", "list with unreadable filters"],
      [`/consultations/${id}`, "consultation"],
      [`/consultations/${id}?version=1`, "consultation, earlier version"],
      [`/consultations/${uniqueId()}`, "consultation not found"],
      [`/members/${member}`, "member"],
      [`/members/${member}?limit=0`, "member with unreadable paging"],
      [`/members/${uniqueId()}`, "member not found"],
      [`/members?policy=${ids.policy_number}`, "policy members"],
      ["/members", "policy members, no policy given"],
      ["/worklist", "worklist"],
      ["/worklist?kind=referral&due=overdue&assignee=unassigned", "worklist, filtered"],
      ["/worklist?kind=lab", "worklist with unreadable filters"],
      ["/deliveries", "deliveries"],
      ["/deliveries?outcome=rejected", "deliveries, filtered"],
      [`/deliveries/${deliveryId}`, "delivery"],
      ["/deliveries/999999999", "delivery not found"],
      ["/no-such-page", "page not found"],
    ];
    await page.setViewportSize({ width, height: 900 });
    for (const [path, label] of pages) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, `${label} (${path}) at ${width} px`);
      // Nothing wider than the viewport (the page itself never scrolls sideways).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} at ${width} px`).toBeLessThanOrEqual(width);
    }
  });
}

test("is keyboard navigable: skip link, search from the keyboard, links reachable by Tab", async ({ page }) => {
  const id = uniqueId();
  // No member id: a policy number only one member has would open the member's page instead of the list.
  await deliver(testServer, statusUpdate(id, null, "new", timeWindow().at(1), { policy_number: `KB-${id}`, user_id: undefined }));
  await page.goto("/consultations");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  // The skip link moves the keyboard to the page's content: the next Tab lands inside <main>.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);

  await page.getByRole("form", { name: "Filter consultations" }).getByLabel("Search").focus();
  await page.keyboard.type(`KB-${id}`);
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-row-id="${id}"]`)).toBeVisible();

  // Tab until the consultation's link has focus, then open it with Enter.
  const link = page.locator(`[data-row-id="${id}"]`).getByRole("link", { name: String(id), exact: true });
  for (let i = 0; i < 40 && !(await link.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/consultations/${id}$`));
});

test.describe("in the viewer's time zone", () => {
  test.use({ timezoneId: "Asia/Amman" });

  test("times are shown in the browser's zone, with the offset and the time as sent on hover", async ({ page }) => {
    const id = uniqueId();
    await deliver(testServer, { ...readFixture("status_update"), consultation_id: id });
    await page.goto(`/consultations/${id}`);
    // 09:38:50 UTC is 12:38:50 in Amman (UTC+03:00 in June 2023).
    const time = page.getByTestId("timeline").locator("time").first();
    await expect(time).toHaveText("15 Jun 2023, 12:38:50");
    await expect(time).toHaveAttribute("title", /UTC\+03:00 \(Asia\/Amman\) · sent as 2023-06-15T09:38:50\.848860Z/);
    await expect(time).toHaveAttribute("datetime", "2023-06-15T09:38:50.848Z");
  });
});
