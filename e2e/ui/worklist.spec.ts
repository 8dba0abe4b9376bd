// The worklist in Chromium, signed in as a coordinator: a recommendation's follow-up items and
// referral become tasks on the consultation page; one taken there shows on "Mine", is completed
// on the worklist, and leaves it; a second tab acting on a stale version is told and shown the
// current state; a new task appears on the open worklist without a reload; Export CSV downloads
// the filtered worklist; axe finds nothing serious on either page.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { recommendation, recommendationData, uniqueId } from "../../tests/support/payloads";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { testServer } from "../support/webhooks";

// Event times before any other spec's (they use days from 1800): these tasks are due first, so
// they lead the unfiltered worklist, whatever else the shared server holds.
const early = (seconds: number) => `1700-01-01T00:00:${String(seconds).padStart(2, "0")}.000000Z`;

const data = (followUps: string[], referral: string | null) =>
  recommendationData({ followUp: followUps.map((name) => ({ name })), doctorReferral: referral === null ? null : { name: referral } });

const taskCard = (page: Page, title: string) => page.getByTestId("task").filter({ has: page.getByTestId("task-title").getByText(title, { exact: true }) });

test("a coordinator takes a task on the consultation page, completes it on the worklist, and exports the worklist", async ({ page }, testInfo) => {
  const n = uniqueId();
  const id = uniqueId();
  const [call, scan, referral] = [`Call member ${n}`, `<b>Scan</b> ${n}`, `Cardiologist ${n}`];
  await deliver(testServer, recommendation(id, early(1), data([call, scan], referral)));

  await page.goto(`/consultations/${id}`);
  const tasks = page.getByRole("list", { name: "Tasks of this consultation" });
  await expect(tasks.getByTestId("task-title")).toHaveText([call, scan, referral]);
  // Shown as text, never as markup.
  await expect(taskCard(page, scan)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "consultation page with tasks");

  await taskCard(page, call).getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByTestId("task-message")).toHaveText("Assignee changed.");
  await expect(taskCard(page, call)).toContainText("Assignee: Cora Coordinator (me)");
  // Notes, with markup typed in: stored and shown as plain text.
  await taskCard(page, call).getByText("More actions").click();
  await taskCard(page, call).getByRole("textbox", { name: /^Notes/ }).fill("Left a voicemail <script>x</script>");
  await taskCard(page, call).getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByTestId("task-message")).toHaveText("Notes saved.");
  await expect(taskCard(page, call).getByTestId("task-notes")).toHaveText("Left a voicemail <script>x</script>");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Worklist" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Worklist");
  const filters = page.getByRole("form", { name: "Filter the worklist" });
  await filters.getByLabel("Assignee").selectOption("mine");
  await filters.getByLabel("Kind").selectOption("follow_up");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/worklist\?kind=follow_up&assignee=mine/);
  const mine = page.getByRole("list", { name: "Open tasks" });
  await expect(mine.getByTestId("task-title").first()).toHaveText(call);
  await expect(taskCard(page, call).getByTestId("task-overdue")).toBeVisible();
  await expect(taskCard(page, call).getByRole("link", { name: `Consultation ${id}` })).toHaveAttribute("href", `/consultations/${id}`);
  await expectNoSeriousA11yViolations(page, "worklist");
  await page.screenshot({ path: testInfo.outputPath("worklist.png"), fullPage: true });

  // Export CSV: the filtered worklist, with this task in it.
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", "/api/tasks/export?kind=follow_up&assignee=mine");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^care-desk-worklist-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.find((row) => row.task === call)).toMatchObject({ consultation_id: String(id), kind: "follow_up", state: "open", overdue: "yes", assignee: "Cora Coordinator", notes: "Left a voicemail <script>x</script>" });
  expect(rows.some((row) => row.kind !== "follow_up")).toBe(false);

  await taskCard(page, call).getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByTestId("task-message")).toHaveText("Marked done.");
  await expect(taskCard(page, call)).toHaveCount(0);

  await page.goto(`/consultations/${id}`);
  await expect(taskCard(page, call).getByTestId("task-state")).toHaveText("Done");
  await expect(taskCard(page, call).getByRole("button", { name: "Reopen" })).toBeVisible();
});

test("a second tab acting on a stale task is told, and shown its current state; nothing is overwritten", async ({ page, context }) => {
  const n = uniqueId();
  const id = uniqueId();
  const title = `Book the follow-up ${n}`;
  await deliver(testServer, recommendation(id, early(2), data([title], null)));
  const other = await context.newPage();
  await page.goto(`/consultations/${id}`);
  await other.goto(`/consultations/${id}`);

  await taskCard(page, title).getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByTestId("task-message")).toHaveText("Marked done.");

  await taskCard(other, title).getByText("More actions").click();
  await taskCard(other, title).getByLabel("Reason for dismissing").fill("Member asked us not to call");
  await taskCard(other, title).getByRole("button", { name: "Dismiss" }).click();
  const message = other.getByTestId("task-message");
  await expect(message).toContainText("Someone else changed this task: here is its current state.");
  await expect(message.getByTestId("task-current-state")).toContainText("Done by Cora Coordinator");
  await expect(taskCard(other, title).getByTestId("task-state")).toHaveText("Done");
  await expectNoSeriousA11yViolations(other, "conflict message");
  await other.screenshot({ path: test.info().outputPath("conflict.png"), fullPage: true });
});

test("a new task appears on the open worklist without a reload", async ({ page }) => {
  await page.goto("/worklist");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
  const title = `Arrived live ${uniqueId()}`;
  await deliver(testServer, recommendation(uniqueId(), early(0), data([title], null)));
  await expect(taskCard(page, title)).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
