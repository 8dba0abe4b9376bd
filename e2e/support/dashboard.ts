// Reading the dashboard's consultation list in a spec.
import type { Page } from "@playwright/test";

/** The consultation ids of the list's rows, top to bottom. */
export const rowIds = (page: Page) =>
  page.locator("[data-testid=consultation-table] tbody tr").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-row-id"))));
