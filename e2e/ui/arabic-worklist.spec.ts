// The worklist in Arabic, signed in as a coordinator: right to left, no English label left
// (task titles are the doctor's words, shown as sent), a task marked done with the answer in
// Arabic, axe clean.
import { expect, test, type Page } from "@playwright/test";
import { recommendation, recommendationData, uniqueId } from "../../tests/support/payloads";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { expectArabicPage, screenshot, useArabic } from "../support/arabic";
import { storageStatePath } from "../support/test-server";
import { testServer } from "../support/webhooks";

test.use({ storageState: storageStatePath("coordinator") });
test.beforeEach(async ({ context }) => useArabic(context));

const taskCard = (page: Page, title: string) => page.getByTestId("task").filter({ has: page.getByTestId("task-title").getByText(title, { exact: true }) });

test("the worklist in Arabic: a referral marked done", async ({ page }, testInfo) => {
  const n = uniqueId();
  const id = uniqueId();
  const referral = `طبيب قلب ${n}`;
  const followUp = `Call member ${n}`;
  // Long before every other spec's events: these tasks are due first and lead the list.
  await deliver(testServer, recommendation(id, "1699-12-31T00:00:00.000000Z", recommendationData({ followUp: [{ name: followUp }], doctorReferral: { name: referral } })));

  await page.goto("/worklist?kind=referral&assignee=unassigned");
  await expect(page.getByRole("heading", { level: 1, name: "قائمة المهام" })).toBeVisible();
  const card = taskCard(page, referral);
  await expect(card).toBeVisible();
  await expect(card).toContainText("إحالة");
  await expect(card.getByTestId("task-overdue")).toHaveText("متأخرة");
  await expect(card.getByRole("link", { name: `الاستشارة ${id}` })).toHaveAttribute("href", `/consultations/${id}`);
  await expectArabicPage(page, "worklist");
  await expectNoSeriousA11yViolations(page, "worklist in Arabic");
  await screenshot(page, testInfo, "worklist-ar");

  await card.getByRole("button", { name: "وضع علامة منجزة" }).click();
  await expect(page.getByTestId("task-message")).toHaveText("تم وضع علامة منجزة.");
  await expect(taskCard(page, referral)).toHaveCount(0);
  // The follow-up of the same consultation is still open, on the follow-up filter.
  await page.goto("/worklist?kind=follow_up&assignee=unassigned");
  await expect(taskCard(page, followUp)).toContainText("متابعة");
  await expectArabicPage(page, "worklist, follow-ups");
});
