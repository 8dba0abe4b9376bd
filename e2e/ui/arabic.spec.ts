// The UI in Arabic, end to end: the header's one-click switch (signed out too), and the sign-in,
// users, audit, deliveries, consultation list and detail, member and print pages right to left with no English label left (payload
// values aside), axe clean; the printed PDF read back with its Arabic headings.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/accessibility";
import { expectArabicPage, screenshot, useArabic } from "../support/arabic";
import { compactText, normalizeText, paper, pdfText } from "../support/pdf";
import { expectPaperSize, printPdf, sampleDispense } from "../support/print-page";
import { storageStatePath } from "../support/test-server";
import { testServer } from "../support/webhooks";
import { recommendation, recommendationData, sampleDatetime, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { prescription } from "../../tests/support/prescriptions";
import { deliver } from "../../tests/support/webhooks";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page switches to Arabic and back in one click each", async ({ page }, testInfo) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.getByRole("button", { name: "العربية" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "تسجيل الدخول" })).toBeVisible();
    await expectArabicPage(page, "sign-in");
    await expect(page.getByLabel("البريد الإلكتروني")).toBeVisible();
    await expectNoSeriousA11yViolations(page, "sign-in in Arabic");
    await screenshot(page, testInfo, "sign-in-ar");
    // A refused sign-in answers in Arabic too.
    await page.getByLabel("البريد الإلكتروني").fill("nobody@e2e.test");
    await page.getByLabel("كلمة المرور").fill("not the password at all");
    await page.getByRole("button", { name: "تسجيل الدخول" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("البريد الإلكتروني أو كلمة المرور غير صحيحين");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });
  test.beforeEach(async ({ context }) => useArabic(context));

  test("the users page", async ({ page }, testInfo) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "المستخدمون" })).toBeVisible();
    await expectArabicPage(page, "users");
    // Emails stay as they are, isolated; the role names are Arabic.
    const admin = page.getByTestId("user-row").filter({ hasText: "admin@e2e.test" });
    await expect(admin.locator("bdi").first()).toHaveText("admin@e2e.test");
    await expect(admin).toContainText("مسؤول");
    await expectNoSeriousA11yViolations(page, "users in Arabic");
    await screenshot(page, testInfo, "admin-users-ar");
  });

  test("the audit trail", async ({ page }, testInfo) => {
    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "سجل التدقيق" })).toBeVisible();
    await expect(page.getByTestId("audit-table")).toBeVisible();
    await expectArabicPage(page, "audit");
    await expect(page.getByTestId("audit-table")).toContainText("سجّل الدخول");
    await expectNoSeriousA11yViolations(page, "audit in Arabic");
    await screenshot(page, testInfo, "audit-ar");
  });

  test("the webhook deliveries and one delivery", async ({ page }, testInfo) => {
    const id = uniqueId();
    await deliver(testServer, prescription(id));
    await page.goto("/deliveries");
    await expect(page.getByRole("heading", { level: 1, name: "طلبات الويب هوك" })).toBeVisible();
    await expect(page.getByTestId("deliveries-table")).toContainText(String(id));
    await expectArabicPage(page, "deliveries");
    await expectNoSeriousA11yViolations(page, "deliveries in Arabic");
    await screenshot(page, testInfo, "deliveries-ar");
    await page.getByTestId("deliveries-table").getByRole("link", { name: String(id) }).first().waitFor();
    const row = page.locator("tr", { has: page.getByRole("link", { name: String(id), exact: true }) }).first();
    await row.getByRole("link", { name: /^فتح/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("الطلب");
    await expectArabicPage(page, "delivery");
    await expectNoSeriousA11yViolations(page, "a delivery in Arabic");
  });
});

test.describe("the other translated pages, as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });
  test.beforeEach(async ({ context }) => useArabic(context));

  for (const [path, heading] of [
    ["/account", "حسابك"],
    ["/admin/tokens", "رموز الواجهة البرمجية"],
    ["/admin/settings", "الإعدادات"],
    ["/admin/jobs", "المهام الخلفية"],
    ["/admin/payload", "انحراف البيانات"],
    ["/admin/reprocess", "إعادة معالجة الطلبات"],
    ["/alerts", "التنبيهات"],
    ["/no-such-page", "الصفحة غير موجودة"],
  ] as const) {
    test(`${path} in Arabic`, async ({ page }, testInfo) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectArabicPage(page, path);
      await expectNoSeriousA11yViolations(page, `${path} in Arabic`);
      await screenshot(page, testInfo, path.slice(1).replace(/\//g, "-"));
    });
  }
});

test.describe("as a coordinator", () => {
  test.use({ storageState: storageStatePath("coordinator") });
  test.beforeEach(async ({ context }) => useArabic(context));

  test("the consultation list, a consultation and its member, right to left", async ({ page }, testInfo) => {
    const [id, member] = [uniqueId(), uniqueId()];
    await deliver(testServer, statusUpdate(id, "new", "in_progress", sampleDatetime("status_update"), { user_id: member }));
    await deliver(testServer, recommendation(id, sampleDatetime("recommendation_data"), recommendationData(), { user_id: member }));

    await page.goto(`/consultations?q=${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "الاستشارات" })).toBeVisible();
    const table = page.getByTestId("consultation-table");
    await expect(table.getByRole("columnheader").first()).toHaveText("الاستشارة");
    await expect(table.getByRole("link", { name: String(id), exact: true })).toBeVisible();
    await expect(table).toContainText("قيد التنفيذ");
    await expectArabicPage(page, "consultation list");
    // The table reads right to left: its first column stands at the right.
    const [first, last] = [await table.getByRole("columnheader").first().boundingBox(), await table.getByRole("columnheader").last().boundingBox()];
    expect(first!.x).toBeGreaterThan(last!.x);
    await expectNoSeriousA11yViolations(page, "consultation list in Arabic");
    await screenshot(page, testInfo, "consultations-ar");

    await page.goto(`/consultations/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`الاستشارة ${id}`);
    await expect(page.getByRole("heading", { level: 2, name: "تسلسل الحالات" })).toBeVisible();
    await expect(page.getByTestId("reveal-dispense")).toHaveText("إظهار رمز الصرف والرابط");
    await expectArabicPage(page, "consultation detail");
    // The timeline's line runs down its right side.
    const timeline = page.getByTestId("timeline");
    expect(await timeline.evaluate((element) => getComputedStyle(element).borderRightWidth)).toBe("2px");
    await page.getByTestId("reveal-dispense").click();
    await expect(page.getByTestId("dispense-revealed")).toContainText("رمز الصرف");
    await expectNoSeriousA11yViolations(page, "consultation detail in Arabic");
    await screenshot(page, testInfo, "consultation-ar");

    await page.goto(`/members/${member}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`العضو ${member}`);
    await expect(page.getByTestId("member-consultations")).toContainText(String(id));
    await expect(page.getByTestId("member-prescriptions").getByRole("columnheader").first()).toHaveText("تاريخ الوصف");
    await expectArabicPage(page, "member history");
    await expectNoSeriousA11yViolations(page, "member history in Arabic");
    await screenshot(page, testInfo, "member-ar");
  });

  test("insights: figures, chart labels and table alternatives", async ({ page }, testInfo) => {
    await page.goto("/insights");
    await expect(page.getByRole("heading", { level: 1, name: "المؤشرات" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "الاستشارات يوميًا حسب الحالة" })).toBeVisible();
    await page.getByText("الاستشارات يوميًا في جدول").click();
    await expect(page.getByTestId("per-day-table").getByRole("columnheader").first()).toHaveText("اليوم");
    await expectArabicPage(page, "insights");
    await expectNoSeriousA11yViolations(page, "insights in Arabic");
    await screenshot(page, testInfo, "insights-ar");
  });
});

test("the printed prescription in Arabic: right to left on screen, Arabic headings in the PDF, pass code as sent", async ({ page, context }, testInfo) => {
  await useArabic(context);
  const id = uniqueId();
  await deliver(testServer, prescription(id));
  for (const [query, size, name] of [["", paper.a4, "a4"], ["?paper=a5", paper.a5, "a5"]] as const) {
    await page.goto(`/consultations/${id}/print${query}`);
    await expect(page.getByRole("heading", { level: 1, name: "وصفة طبية" })).toBeVisible();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await expectArabicPage(page, `print ${name}`);
    await expect(page.getByTestId("pass-code")).toHaveText(sampleDispense.passCode);
    await expect(page.getByTestId("pass-code")).toHaveAttribute("dir", "ltr");
    // Right to left: the QR code stands at the start of its line, to the right of the pass code.
    const [qr, code] = [await page.getByTestId("dispense-qr").boundingBox(), await page.getByTestId("pass-code").boundingBox()];
    expect(qr!.x).toBeGreaterThan(code!.x);
    await expectNoSeriousA11yViolations(page, `print ${name} in Arabic`);
    await screenshot(page, testInfo, `print-${name}-ar`);
    await page.emulateMedia({ media: "print" });
    const pdf = await printPdf(page, testInfo, `prescription-${name}-ar.pdf`, name === "a5" ? { format: "A5" } : { format: "A4" });
    expectPaperSize(pdf, size);
    const text = compactText(pdfText(pdf));
    for (const heading of ["وصفة طبية", "الأدوية", "التشخيصات", "الصرف", "رمز الصرف"]) expect(text, heading).toContain(compactText(heading));
    expect(normalizeText(pdfText(pdf, { order: "raw" }))).toContain(sampleDispense.passCode);
    await page.emulateMedia({ media: "screen" });
  }
});
