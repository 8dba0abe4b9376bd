// The accessibility check every ui spec runs: axe-core in the real page.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails on any serious or critical axe-core violation; `label` says which page state was checked. */
export async function expectNoSeriousA11yViolations(page: Page, label?: string) {
  // Next streams a dynamic page's <title> after its first bytes: check the page as it ends up.
  await expect(page, label).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(blocking, label).toEqual([]);
}
