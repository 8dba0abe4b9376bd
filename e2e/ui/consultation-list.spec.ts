// The consultation list in Chromium: every filter, search by each field, both sorts, paging,
// and the URL as the one place the list's state lives.
import { expect, test, type Page } from "@playwright/test";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { rowIds } from "../support/dashboard";
import { testServer } from "../support/webhooks";

const form = (page: Page) => page.getByRole("form", { name: "Filter consultations" });

async function apply(page: Page) {
  await form(page).getByRole("button", { name: "Apply" }).click();
}

test("filters by several statuses, last event dates and recommendation, through the form", async ({ page }) => {
  const w = timeWindow();
  const ids = { new: uniqueId(), checking: uniqueId(), progress: uniqueId(), closed: uniqueId(), odd: uniqueId(), recOnly: uniqueId() };
  await deliver(testServer, statusUpdate(ids.new, null, "new", w.at(60)));
  await deliver(testServer, statusUpdate(ids.checking, "new", "checking_medical_profile", w.at(120)));
  await deliver(testServer, statusUpdate(ids.progress, "checking_medical_profile", "in_progress", w.at(180)));
  await deliver(testServer, statusUpdate(ids.closed, "in_progress", "closed", w.at(240)));
  await deliver(testServer, recommendation(ids.closed, w.at(250)));
  await deliver(testServer, statusUpdate(ids.odd, "new", "escalated", w.at(300)));
  await deliver(testServer, recommendation(ids.recOnly, w.at(360)));
  // The next day: outside the date range.
  const nextDay = uniqueId();
  await deliver(testServer, statusUpdate(nextDay, null, "new", w.at(24 * 60 + 30)));

  await page.goto(`/consultations?${w.query}`);
  expect(await rowIds(page)).toEqual([ids.recOnly, ids.odd, ids.closed, ids.progress, ids.checking, ids.new]);

  await form(page).getByRole("checkbox", { name: "New" }).check();
  await form(page).getByRole("checkbox", { name: "Closed" }).check();
  await apply(page);
  await expect(page).toHaveURL(/status=new&status=closed/);
  await expect.poll(() => rowIds(page)).toEqual([ids.closed, ids.new]);

  await form(page).getByRole("checkbox", { name: "Other" }).check();
  await apply(page);
  await expect.poll(() => rowIds(page)).toEqual([ids.recOnly, ids.odd, ids.closed, ids.new]);

  await form(page).getByLabel("Recommendation").selectOption("with");
  await apply(page);
  await expect(page).toHaveURL(/rec=with/);
  await expect.poll(() => rowIds(page)).toEqual([ids.recOnly, ids.closed]);

  await form(page).getByLabel("Recommendation").selectOption("without");
  await apply(page);
  await expect.poll(() => rowIds(page)).toEqual([ids.odd, ids.new]);

  // Dates: widen "to" by a day and the next day's consultation appears.
  await page.goto(`/consultations?from=${w.date}&to=${w.date}&tz=UTC&status=new`);
  await expect.poll(() => rowIds(page)).toEqual([ids.new]);
  const next = new Date(Date.parse(`${w.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await form(page).getByLabel("to", { exact: true }).fill(next);
  await apply(page);
  await expect(page).toHaveURL(new RegExp(`to=${next}`));
  await expect.poll(() => rowIds(page)).toEqual([nextDay, ids.new]);
  await form(page).getByLabel("Last event from").fill(next);
  await apply(page);
  await expect.poll(() => rowIds(page)).toEqual([nextDay]);
});

test("searches by consultation id, ICD-10 code and name, drug and trade name; a member's ids open the member's page", async ({ page }) => {
  test.setTimeout(90_000);
  const w = timeWindow();
  const id = uniqueId();
  const n = uniqueId();
  const data = recommendationData({
    icd10: { symptom: [], diagnosis: [{ code: `Q${n}.9`, name: `Rarefied syndrome ${n}` }] },
    drug: { fdaDrug: [{ name: `GENERICUM${n}`, tradeName: `BRANDEX ${n} TAB 10 MG` }] },
  });
  await deliver(testServer, recommendation(id, w.at(1), data, { user_id: n, insurance_id: `INS-${n}`, policy_number: `POL-${n}` }));

  // A member's id, or an insurance id or policy number only one member has, opens the member's page.
  for (const term of [String(n), `INS-${n}`, `POL-${n}`]) {
    await page.goto("/consultations");
    await form(page).getByLabel("Search").fill(term);
    await form(page).getByLabel("Search").press("Enter");
    await expect(page, term).toHaveURL(new RegExp(`/members/${n}$`));
    await expect(page.locator(`[data-row-id="${id}"]`)).toBeVisible();
  }
  const terms = [String(id), `Q${n}.9`, `q${n}`, `Rarefied syndrome ${n}`, `rarefied`, `genericum${n}`, `Brandex ${n}`];
  for (const term of terms) {
    await page.goto("/consultations");
    await form(page).getByLabel("Search").fill(term);
    await form(page).getByLabel("Search").press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(term).replace(/%20/g, "\\+").replace(/\./g, "\\.")}`));
    if (term === "rarefied") {
      // A prefix shared with other runs' data: ours is among the results.
      await expect(page.locator(`[data-row-id="${id}"]`)).toBeVisible();
    } else {
      await expect.poll(() => rowIds(page), { message: term }).toEqual([id]);
    }
  }
  await page.goto(`/consultations?q=${encodeURIComponent(`POL-${n}-nope`)}`);
  await expect(page.getByTestId("no-results")).toContainText("No consultation matches these filters.");
});

test("sorts by last event or by status time, newest or oldest first", async ({ page }) => {
  const w = timeWindow();
  const [a, b, c] = [uniqueId(), uniqueId(), uniqueId()];
  // Status times a < b < c; a's last event (a recommendation) is the latest of all.
  await deliver(testServer, statusUpdate(a, null, "new", w.at(1)));
  await deliver(testServer, statusUpdate(b, null, "new", w.at(2)));
  await deliver(testServer, statusUpdate(c, null, "new", w.at(3)));
  await deliver(testServer, recommendation(a, w.at(10)));

  await page.goto(`/consultations?${w.query}`);
  expect(await rowIds(page)).toEqual([a, c, b]);
  await form(page).getByLabel("Sort by").selectOption("status_time");
  await apply(page);
  await expect(page).toHaveURL(/sort=status_time/);
  await expect.poll(() => rowIds(page)).toEqual([c, b, a]);
  await form(page).getByLabel("Order").selectOption("asc");
  await apply(page);
  await expect.poll(() => rowIds(page)).toEqual([a, b, c]);
  await form(page).getByLabel("Sort by").selectOption("last_event");
  await apply(page);
  await expect.poll(() => rowIds(page)).toEqual([b, c, a]);
});

test("pages through more than two pages with keyset cursors, forwards and back", async ({ page }) => {
  const w = timeWindow();
  const ids = Array.from({ length: 7 }, () => uniqueId());
  for (const [index, id] of ids.entries()) await deliver(testServer, statusUpdate(id, null, "new", w.at(index)));
  const newestFirst = [...ids].reverse();

  await page.goto(`/consultations?${w.query}&limit=3`);
  const pages = page.getByRole("navigation", { name: "Consultation pages" });
  expect(await rowIds(page)).toEqual(newestFirst.slice(0, 3));
  await expect(pages.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");

  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect.poll(() => rowIds(page)).toEqual(newestFirst.slice(3, 6));
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect.poll(() => rowIds(page)).toEqual(newestFirst.slice(6));
  await expect(pages.getByText("Next →")).toHaveAttribute("aria-disabled", "true");

  await pages.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(() => rowIds(page)).toEqual(newestFirst.slice(3, 6));
  await page.goBack();
  await expect.poll(() => rowIds(page)).toEqual(newestFirst.slice(6));
  await pages.getByRole("link", { name: "First page" }).click();
  await expect.poll(() => rowIds(page)).toEqual(newestFirst.slice(0, 3));
});

test("keeps filters, search and sort in the URL: reload and the back button restore them", async ({ page }) => {
  const w = timeWindow();
  const n = uniqueId();
  const [one, two] = [uniqueId(), uniqueId()];
  // No member id: a policy number that named a member would open the member's page once the
  // search is the only filter left (members.spec.ts); this test is about the list's own URL.
  await deliver(testServer, statusUpdate(one, null, "new", w.at(1), { policy_number: `RT-${n}`, user_id: undefined }));
  await deliver(testServer, statusUpdate(two, "in_progress", "closed", w.at(2), { policy_number: `RT-${n}`, user_id: undefined }));

  await page.goto("/consultations");
  await form(page).getByLabel("Search").fill(`RT-${n}`);
  await form(page).getByRole("checkbox", { name: "Closed" }).check();
  await form(page).getByLabel("Sort by").selectOption("status_time");
  await apply(page);
  await expect(page).toHaveURL(new RegExp(`q=RT-${n}`));
  await expect.poll(() => rowIds(page)).toEqual([two]);
  const url = page.url();
  expect(new URL(url).searchParams.getAll("status")).toEqual(["closed"]);
  expect(new URL(url).searchParams.get("sort")).toBe("status_time");

  // A fresh tab on the same URL shows the same list and the same form.
  await page.goto(url);
  await expect.poll(() => rowIds(page)).toEqual([two]);
  await expect(form(page).getByLabel("Search")).toHaveValue(`RT-${n}`);
  await expect(form(page).getByRole("checkbox", { name: "Closed" })).toBeChecked();
  await expect(form(page).getByLabel("Sort by")).toHaveValue("status_time");

  await form(page).getByRole("checkbox", { name: "Closed" }).uncheck();
  await apply(page);
  await expect.poll(() => rowIds(page)).toEqual([two, one]);
  await page.goBack();
  await expect(page).toHaveURL(url);
  await expect.poll(() => rowIds(page)).toEqual([two]);
  await expect(form(page).getByRole("checkbox", { name: "Closed" })).toBeChecked();
});

test("a row's link and a status count open their page in the app, without reloading it; a ctrl-click is left to the browser", async ({ page, context }) => {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, null, "in_progress", w.at(30)));

  await page.goto(`/consultations?${w.query}`);
  // A full page load would start a new document and lose this mark.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.locator(`tr[data-row-id="${id}"]`).getByRole("link", { name: String(id), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(String(id));
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  await page.goBack();
  await page.getByTestId("count-in_progress").click();
  await expect(page).toHaveURL(/\/consultations\?status=in_progress$/);
  await expect(page.getByTestId("count-in_progress")).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  const opened = context.waitForEvent("page");
  await page.locator("tbody tr").first().getByRole("link").first().click({ modifiers: ["ControlOrMeta"] });
  await (await opened).close();
  await expect(page).toHaveURL(/\/consultations\?status=in_progress$/);
});
