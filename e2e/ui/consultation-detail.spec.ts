// One consultation in Chromium: the timeline after out-of-order deliveries, every part of the
// recommendation, the dispense block (safe link, locally made QR that decodes to it), versions.
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { recommendation, recommendationData, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { sampleDrugLines } from "../support/print-page";
import { testServer } from "../support/webhooks";
import { revealDispense } from "../support/dispense";
import { useArabic } from "../support/arabic";

test("the timeline is in event-time order after out-of-order deliveries, with late arrivals marked", async ({ page }) => {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, "checking_medical_profile", "in_progress", w.at(30)));
  await deliver(testServer, statusUpdate(id, null, "new", w.at(0)));
  await deliver(testServer, statusUpdate(id, "in_progress", "closed", w.at(90)));
  await deliver(testServer, statusUpdate(id, "new", "checking_medical_profile", w.at(10)));

  await page.goto(`/consultations/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Consultation ${id}`);
  const events = page.getByTestId("timeline").locator("li");
  await expect(events).toHaveCount(4);
  expect(await events.evaluateAll((items) => items.map((item) => item.getAttribute("data-status")))).toEqual([
    "new",
    "checking_medical_profile",
    "in_progress",
    "closed",
  ]);
  // "new" and "checking" arrived after "in_progress" (later in event time): marked.
  const marked = await events.evaluateAll((items) => items.map((item) => item.querySelector("[data-testid=out-of-order]") !== null));
  expect(marked).toEqual([true, true, false, false]);
  await expect(events.nth(0)).toContainText("10 min in this state");
  await expect(events.nth(1)).toContainText("20 min in this state");
  await expect(events.nth(2)).toContainText("1 h in this state");
  await expect(events.nth(3)).toContainText("Final state");
  // Received long after these (historical) event times: the receive time is shown.
  await expect(events.nth(0)).toContainText("after the event");
  await expect(page.locator("header").getByText("Closed", { exact: true })).toBeVisible();
});

test("shows every drug field, the ICD-10 codes, labs, referral, follow-ups, grouped notes and the pass code", async ({ page }) => {
  const id = uniqueId();
  const drug = {
    name: "PIMOZIDE-GEN",
    tradeName: "ORAP FORTE TAB 4 MG",
    strengthValue: "4 mg",
    packageType: "Blister",
    packageSize: "20",
    dosage: "2",
    dosageUnit: "capsule",
    routeOfAdministration: "oral",
    dosageForm: "tablet",
    frequency: "Four times daily",
    duration: 5,
    specialInstructions: "Avoid grapefruit",
    relationWithFood: "After meals",
    howToUse: "Swallow whole with water",
    registrationNumber: "6-1234-19",
  };
  const data = recommendationData({
    drug: { fdaDrug: [drug] },
    lab: { lab: [{ name: "FIT Test" }], panel: [{ name: "Liver panel", code: "LFT-7" }] },
    postCallAnswer: [
      { question: "doctor_notes", answer: "first note" },
      { question: "symptoms", answer: "symptoms note" },
      { question: "doctor_notes", answer: "second note" },
      { question: "custom_question", answer: "custom answer" },
    ],
  });
  await deliver(testServer, recommendation(id, timeWindow().at(1), data));
  await page.goto(`/consultations/${id}`);

  const row = page.getByTestId("drug");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("ORAP FORTE TAB 4 MG (PIMOZIDE-GEN)");
  await expect(row).toContainText("2 capsule · oral · Four times daily · for 5 days");
  await expect(row.getByTestId("strength-line")).toHaveText("strength 4 mg · tablet");
  await expect(row.getByTestId("dose-line")).toHaveText("2 capsule · oral · Four times daily · for 5 days · After meals");
  await expect(row.getByTestId("package-line")).toHaveText("Blister · 20 per pack");
  await expect(row.locator("dt")).toHaveText(["Special instructions", "How to use", "Registration no."]);
  await expect(row.locator("dd")).toHaveText(["Avoid grapefruit", "Swallow whole with water", "6-1234-19"]);

  await expect(page.getByTestId("symptoms")).toContainText("L81.2");
  await expect(page.getByTestId("symptoms")).toContainText("Freckles");
  await expect(page.getByTestId("diagnoses").locator("code")).toHaveText("B66.3");
  await expect(page.getByTestId("diagnoses")).toContainText("Fascioliasis");
  await expect(page.getByTestId("labs")).toContainText("FIT Test");
  await expect(page.getByTestId("labs")).toContainText("LFT-7");
  await expect(page.getByTestId("labs")).toContainText("Liver panel");
  await expect(page.getByTestId("referral")).toContainText("Gastroenterologist/ Stomach & Bowel Specialist");
  await expect(page.getByTestId("follow-ups").locator("li")).toHaveText(["Do Lab Test", "Do the required radiation", "No Follow-up - Policy Expired"]);

  const notes = page.getByTestId("notes");
  await expect(notes.locator("dt")).toHaveText(["Doctor's notes", "Symptoms", "custom_question"]);
  await expect(notes.locator("dt", { hasText: "Doctor's notes" }).locator("~ dd").first()).toHaveText("first note");
  await expect(notes).toContainText("second note");
  await revealDispense(page);
  await expect(page.getByTestId("pass-code")).toHaveText("5528");

  // Nothing renders as a leaked null or object.
  await expect(page.locator("main")).not.toContainText(/\bundefined\b|\bnull\b|\[object Object\]|NaN/);
});

test("the sample drugs read on screen exactly as on paper", async ({ page }) => {
  const id = uniqueId();
  await deliver(testServer, recommendation(id, timeWindow().at(1)));
  await page.goto(`/consultations/${id}`);
  const drugs = page.getByTestId("drug");
  await expect(drugs.getByTestId("drug-title")).toHaveText(sampleDrugLines.map((drug) => drug.tradeName));
  await expect(drugs.getByTestId("dose-line")).toHaveText(sampleDrugLines.map((drug) => drug.dose));
  await expect(drugs.first()).toContainText(`${sampleDrugLines[0]!.tradeName} ${sampleDrugLines[0]!.generic}`);
});

test("links the dispense URL and makes a QR code that decodes to it; a javascript: URL stays inert text", async ({ page }) => {
  const dispenseUrl = `https://web.altibb.com/prescription/e2e-${uniqueId()}`;
  const safeId = uniqueId();
  await deliver(testServer, recommendation(safeId, timeWindow().at(1), recommendationData({ dispense: { url: dispenseUrl, pass_code: 4321, qr_code: "https://evil.example/qr.png" } })));
  await page.goto(`/consultations/${safeId}`);
  await revealDispense(page);
  const link = page.getByTestId("dispense-url");
  await expect(link).toHaveAttribute("href", dispenseUrl);
  await expect(link).toHaveAttribute("rel", /noopener/);
  await expect(page.getByTestId("print-link")).toHaveAttribute("href", `/consultations/${safeId}/print`);
  // The payload's qr_code URL is never loaded.
  await expect(page.locator('img[src*="evil.example"]')).toHaveCount(0);

  const qr = page.getByTestId("dispense-qr");
  await expect(qr).toBeVisible();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  expect(decoded?.data).toBe(dispenseUrl);

  const unsafeId = uniqueId();
  await deliver(testServer, recommendation(unsafeId, timeWindow().at(1), recommendationData({ dispense: { url: "javascript:alert(document.cookie)", pass_code: "0042" } })));
  await page.goto(`/consultations/${unsafeId}`);
  await revealDispense(page);
  await expect(page.getByTestId("dispense-url")).toHaveCount(0);
  const warning = page.getByTestId("unsafe-dispense-url");
  await expect(warning).toContainText("Warning: this dispense link is not a web (http or https) address.");
  await expect(warning.locator("code")).toHaveText("javascript:alert(document.cookie)");
  await expect(page.getByTestId("dispense-qr")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  // Leading zeros of a text pass code are kept.
  await expect(page.getByTestId("pass-code")).toHaveText("0042");
});

test("switches between recommendation versions and shows what changed", async ({ page }) => {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, recommendation(id, w.at(1)));
  const second = recommendationData();
  const drugs = structuredClone(second.drug.fdaDrug);
  drugs[0]!.dosage = "3";
  drugs[0]!.duration = 7;
  second.drug = { fdaDrug: [drugs[0]!] };
  await deliver(testServer, recommendation(id, w.at(2), second));

  await page.goto(`/consultations/${id}`);
  const versions = page.getByRole("navigation", { name: "Recommendation versions" });
  await expect(versions.getByRole("link", { name: "Version 2 (current)" })).toHaveAttribute("aria-current", "page");
  const changes = page.getByTestId("changes");
  await expect(changes).toContainText("What changed since version 1");
  await expect(changes).toContainText("Dose: 2 → 3");
  await expect(changes).toContainText("Duration: for 5 days → for 7 days");
  await expect(changes).toContainText("removed");
  await expect(changes).toContainText("ORUVAIL S-R CAPS 100 MG");
  await expect(page.getByTestId("drug")).toHaveCount(1);

  await versions.getByRole("link", { name: "Version 1" }).click();
  await expect(page).toHaveURL(/version=1/);
  await expect(page.getByTestId("recommendation")).toHaveAttribute("data-version", "1");
  await expect(page.getByTestId("drug")).toHaveCount(2);
  await expect(page.getByTestId("changes")).toHaveCount(0);
  await expect(page.getByText("Version 1, not the current one")).toBeVisible();
});

test("an unknown consultation is a friendly not-found page, answered with 404", async ({ page }) => {
  for (const id of [String(uniqueId()), "not-a-number", "0"]) {
    const response = await page.goto(`/consultations/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { name: "Consultation not found" })).toBeVisible();
  }
});

// The timeline, the recommendation and the tasks are client components: the browser renders
// them again from the page's data, in its own Intl, and must find what the server sent.
test("the consultation page hydrates without an error, in English and in Arabic", async ({ page, context }) => {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, "new", "in_progress", w.at(10)));
  await deliver(testServer, statusUpdate(id, null, "new", w.at(0)));
  await deliver(testServer, recommendation(id, w.at(20)));
  const second = recommendationData();
  second.drug = { fdaDrug: [structuredClone(second.drug.fdaDrug[0]!)] };
  await deliver(testServer, recommendation(id, w.at(30), second));

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  const visitBoth = async (live: RegExp) => {
    for (const query of ["", "?version=1"]) {
      await page.goto(`/consultations/${id}${query}`);
      await expect(page.getByTestId("timeline").locator("li")).toHaveCount(2);
      await expect(page.getByTestId("task").first()).toBeVisible();
      // Hydrated: the live refresh has answered, and Reveal works (its handler is attached).
      await expect(page.getByTestId("live-status")).toHaveText(live);
      await revealDispense(page);
    }
  };
  await visitBoth(/^Live$/);
  await useArabic(context);
  await visitBoth(/^مباشر$/);
  expect(errors).toEqual([]);
});
