// A revised recommendation in Arabic: "what changed since version 1" names each field and the
// missing values in Arabic, keeps the doctor's values as sent, and leaves no English label.
import { expect, test } from "@playwright/test";
import { recommendation, recommendationData, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { expectArabicPage, screenshot, useArabic } from "../support/arabic";
import { storageStatePath } from "../support/test-server";
import { testServer } from "../support/webhooks";

test.use({ storageState: storageStatePath("coordinator") });
test.beforeEach(async ({ context }) => useArabic(context));

test("what changed between two versions, in Arabic", async ({ page }, testInfo) => {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, recommendation(id, w.at(1)));
  const second = recommendationData();
  const drug = structuredClone(second.drug.fdaDrug[0]!);
  drug.dosage = "3";
  drug.duration = 7;
  second.drug = { fdaDrug: [drug] };
  second.doctorReferral = { name: "Cardiologist" };
  await deliver(testServer, recommendation(id, w.at(2), second));

  await page.goto(`/consultations/${id}`);
  const changes = page.getByTestId("changes");
  await expect(changes).toContainText("ما تغيّر منذ النسخة 1");
  await expect(changes).toContainText("الجرعة: 2 → 3");
  await expect(changes).toContainText("المدة: لمدة 5 أيام → لمدة 7 أيام");
  await expect(changes).toContainText("الإحالة: Gastroenterologist/ Stomach & Bowel Specialist → Cardiologist");
  await expectArabicPage(page, "consultation with two versions");
  await expectNoSeriousA11yViolations(page, "changes in Arabic");
  await screenshot(page, testInfo, "changes-ar");
});
