// The list's Export CSV in Chromium, signed in as a coordinator: the download carries the list's
// current filters and search, and holds exactly the rows they match (read back with csv-parse).
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { recommendation, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { rowIds } from "../support/dashboard";
import { testServer } from "../support/webhooks";

test("Export CSV downloads every row of the current filters and search, not only the page", async ({ page }) => {
  const w = timeWindow();
  const n = uniqueId();
  const matching = Array.from({ length: 4 }, () => uniqueId());
  for (const [index, id] of matching.entries()) {
    await deliver(testServer, statusUpdate(id, "in_progress", "closed", w.at(10 + index)));
    await deliver(testServer, recommendation(id, w.at(20 + index), { icd10: { diagnosis: [{ code: `E${n}`, name: "التهاب المعدة" }] }, drug: { fdaDrug: [{ name: "PARACETAMOL" }] } }));
  }
  const openCase = uniqueId(); // same search term, another status
  await deliver(testServer, recommendation(openCase, w.at(30), { icd10: { diagnosis: [{ code: `E${n}`, name: "Other" }] } }));
  await deliver(testServer, statusUpdate(openCase, "new", "in_progress", w.at(31)));

  await page.goto(`/consultations?${w.query}&status=closed&q=E${n}&limit=2`);
  const newestFirst = [...matching].reverse();
  expect(await rowIds(page)).toEqual(newestFirst.slice(0, 2));

  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", new RegExp(`^/api/consultations/export\\?status=closed&from=${w.date}&to=${w.date}&tz=[^&]+&q=E${n}&limit=2$`));
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^care-desk-consultations-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((row) => Number(row.consultation_id))).toEqual(newestFirst);
  for (const row of rows) {
    expect(row).toMatchObject({ status: "closed", recommendation: "yes", diagnoses: `E${n} التهاب المعدة`, drugs: "PARACETAMOL", drug_count: "1" });
    expect(new Date(row.last_event_local!).getTime()).toBe(new Date(row.last_event_utc!).getTime());
  }
});
