// The member page and a policy's members in Chromium, signed in as a coordinator: reached from
// the search box and from the list's links, repeat prescriptions flagged, paging, axe clean.
import { expect, test, type Page } from "@playwright/test";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { testServer } from "../support/webhooks";

const form = (page: Page) => page.getByRole("form", { name: "Filter consultations" });
const drugs = (...names: string[]) => recommendationData({ drug: { fdaDrug: names.map((name) => ({ name, tradeName: `${name} 500 MG`, frequency: "Twice daily", duration: 7 })) } });

test("a member id typed in the search box opens the member's page, with the repeat prescription flagged on both", async ({ page }) => {
  const w = timeWindow();
  const member = String(uniqueId());
  const policy = `POL-${uniqueId()}`;
  const ids = { user_id: member, insurance_id: `INS-${uniqueId()}`, policy_number: policy };
  const [first, second] = [uniqueId(), uniqueId()];
  await deliver(testServer, statusUpdate(first, null, "closed", w.at(10), ids));
  await deliver(testServer, recommendation(first, w.at(20), drugs("Amoxicillin", "Ibuprofen"), ids));
  // A day later (the day after the test's own day is the test's too): the same generic, in capitals.
  await deliver(testServer, recommendation(second, w.at(24 * 60 + 20), drugs("AMOXICILLIN"), { ...ids, insurance_id: `INS-NEW-${member}` }));

  await page.goto("/consultations");
  await form(page).getByLabel("Search").fill(member);
  await form(page).getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/members/${member}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Member ${member}`);
  await expect(page.getByTestId("insurance-ids-latest")).toHaveText(`INS-NEW-${member}`);
  await expect(page.getByTestId("insurance-ids-earlier")).toHaveText(ids.insurance_id);
  await expect(page.getByTestId("consultation-count")).toHaveText("2");

  const consultations = page.getByTestId("member-consultations");
  await expect(consultations.locator("tbody tr")).toHaveCount(2);
  await expect(consultations.locator("tbody tr").first()).toHaveAttribute("data-row-id", String(second));

  const prescriptions = page.getByTestId("member-prescriptions");
  await expect(prescriptions.locator("tbody tr")).toHaveCount(3);
  const repeat = prescriptions.locator(`tr[data-consultation-id="${second}"]`);
  await expect(repeat.getByTestId("repeat-of")).toContainText(`1 day after ${first}`);
  const original = prescriptions.locator(`tr[data-consultation-id="${first}"]`).filter({ hasText: "Amoxicillin 500 MG" });
  await expect(original.getByTestId("repeated-by")).toContainText(`again 1 day later in ${second}`);
  await expect(prescriptions.locator(`tr[data-consultation-id="${first}"]`).filter({ hasText: "Ibuprofen" }).getByTestId("repeated-by")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "member page");

  // The policy number links to the policy's members.
  await page.getByTestId("policy-numbers-latest").getByRole("link", { name: policy }).click();
  await expect(page).toHaveURL(new RegExp(`/members\\?policy=${policy}$`));
  await expect(page.getByTestId("policy-members").locator("tbody tr")).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, "policy members");
});

test("the list's member and policy cells link to the member's page and the policy's members (dependants)", async ({ page }) => {
  const w = timeWindow();
  const policy = `POL-${uniqueId()}`;
  const [holder, dependant] = [String(uniqueId()), String(uniqueId())];
  const [a, b] = [uniqueId(), uniqueId()];
  await deliver(testServer, statusUpdate(a, null, "new", w.at(5), { user_id: holder, policy_number: policy }));
  await deliver(testServer, statusUpdate(b, null, "new", w.at(6), { user_id: dependant, policy_number: policy }));

  // A policy two members share opens their list.
  await page.goto("/consultations");
  await form(page).getByLabel("Search").fill(policy);
  await form(page).getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/members\\?policy=${policy}$`));
  const members = page.getByTestId("policy-members");
  await expect(members.locator("tbody tr")).toHaveCount(2);
  await expect(members.locator("tbody tr").first()).toHaveAttribute("data-member-id", dependant);

  await page.goto(`/consultations?${w.query}`);
  await page.locator(`[data-row-id="${a}"]`).getByRole("link", { name: holder }).click();
  await expect(page).toHaveURL(new RegExp(`/members/${holder}$`));
  await expect(page.getByTestId("no-prescriptions")).toBeVisible();

  await page.goto(`/consultations/${b}`);
  await page.getByRole("link", { name: policy }).click();
  await expect(page).toHaveURL(new RegExp(`/members\\?policy=${policy}$`));
  await page.getByRole("link", { name: holder }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Member ${holder}`);
});
