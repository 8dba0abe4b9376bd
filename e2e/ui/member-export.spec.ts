// The member page's Export CSV in Chromium, signed in as a coordinator: the download holds every
// prescription of that member (and no other's), with the repeat flags the page shows.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";

const drugs = (...names: string[]) => recommendationData({ drug: { fdaDrug: names.map((name) => ({ name, tradeName: `${name} 500 MG`, frequency: "Twice daily", duration: 7 })) } });

test("Export CSV on a member's page downloads that member's prescriptions with their repeat flags", async ({ page }) => {
  const w = timeWindow();
  const member = String(uniqueId());
  const ids = { user_id: member };
  const [first, second] = [uniqueId(), uniqueId()];
  await deliver(testServer, statusUpdate(first, null, "closed", w.at(10), ids));
  await deliver(testServer, recommendation(first, w.at(20), drugs("Amoxicillin", "باراسيتامول"), ids));
  await deliver(testServer, recommendation(second, w.at(24 * 60 + 20), drugs("AMOXICILLIN"), ids));
  const stranger = uniqueId(); // another member, the same day and drug
  await deliver(testServer, recommendation(stranger, w.at(30), drugs("Amoxicillin"), { user_id: String(uniqueId()) }));

  await page.goto(`/members/${member}`);
  await expect(page.getByTestId("member-prescriptions").locator("tbody tr")).toHaveCount(3);
  const link = page.getByRole("link", { name: "Export CSV" });
  await expect(link).toHaveAttribute("href", `/api/members/${member}/export`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^care-desk-member-${member}-prescriptions-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((row) => [Number(row.consultation_id), row.generic_name])).toEqual([
    [second, "AMOXICILLIN"],
    [first, "Amoxicillin"],
    [first, "باراسيتامول"],
  ]);
  expect(rows[0]).toMatchObject({ drug: "AMOXICILLIN 500 MG", repeat: "yes", repeat_of_consultation: String(first), repeat_gap_days: "1" });
  expect(rows[1]).toMatchObject({ repeat: "yes", repeated_by_consultation: String(second), repeated_by_gap_days: "1" });
  expect(rows[2]).toMatchObject({ drug: "باراسيتامول 500 MG", repeat: "no" });
  expect(rows[0]!.dose).toMatch(/^Twice daily · /);
  for (const row of rows) expect(new Date(row.prescribed_local!).getTime()).toBe(new Date(row.prescribed_utc!).getTime());
});
