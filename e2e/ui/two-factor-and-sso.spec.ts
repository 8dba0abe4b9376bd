// Sign-in flows in a real Chromium through the real pages: two-factor enrolment at /account with
// codes computed here from the secret the page shows (RFC 6238), sign-in with password + code and
// with a backup code (once); single sign-on through a real OpenID provider's login and consent
// forms, and the refusal page for claims that map to no role. Their own server: see
// e2e/support/auth-flow-server.ts.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startAuthFlowServer, ssoDisplayName, type AuthFlowServer } from "../support/auth-flow-server";
import { decodeQrPng } from "../support/qr";
import { totpCode } from "../../tests/support/totp";

test.describe.configure({ mode: "serial" });

let app: AuthFlowServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startAuthFlowServer();
});

test.afterAll(async () => {
  await app?.stop();
});

const password = "a long e2e password for two-factor";

async function signInWithPassword(page: Page, email: string) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByTestId("signed-in-as").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

// Every test here signs in by itself, on a server of its own: start with no session at all
// (the project's default state is the coordinator's, whose cookie 127.0.0.1 would send here too).
test.use({ storageState: { cookies: [], origins: [] } });

test("two-factor: enrol at /account, then sign in with password + code; each backup code works once", async ({ page }) => {
  // Four sign-ins and an enrolment on a shared two-core machine.
  test.setTimeout(90_000);
  const email = `totp-${randomUUID().slice(0, 8)}@example.test`;
  app.createUser("coordinator", email, password);
  await signInWithPassword(page, email);
  await expect(page).toHaveURL(`${app.url}/consultations`);

  await page.goto(`${app.url}/account`);
  await expect(page.getByTestId("two-factor-status")).toContainText("is off");
  const setup = page.getByRole("form", { name: "Set up two-factor sign-in" });
  await setup.getByLabel("Password").fill(password);
  await setup.getByRole("button", { name: "Set up two-factor sign-in" }).click();

  const secret = (await page.getByTestId("two-factor-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  // The QR code holds the otpauth URI with the same secret, as a phone would read it.
  const qr = decodeQrPng(await page.getByTestId("two-factor-qr").screenshot());
  expect(qr).toMatch(/^otpauth:\/\/totp\//);
  expect(new URL(qr!).searchParams.get("secret")).toBe(secret);

  const codes = page.getByTestId("backup-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const backupCodes = (await codes.allTextContents()).map((code) => code.trim());
  expect(backupCodes.every((code) => /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/.test(code))).toBe(true);

  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("is on");
  // Shown once: after a reload the page only says it is on.
  await page.reload();
  await expect(page.getByTestId("two-factor-status")).toContainText("is on");
  await expect(page.getByTestId("backup-codes")).toHaveCount(0);

  await signOut(page);
  await signInWithPassword(page, email);
  await page.getByLabel("Code", { exact: true }).fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`${app.url}/consultations`);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);

  await signOut(page);
  await signInWithPassword(page, email);
  await page.getByLabel("Code", { exact: true }).fill(backupCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`${app.url}/consultations`);

  await signOut(page);
  await signInWithPassword(page, email);
  await page.getByLabel("Code", { exact: true }).fill(backupCodes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("form", { name: "Two-factor code" }).getByRole("alert")).toContainText("not correct");
  await page.goto(`${app.url}/consultations`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsultations/);
});

/** The provider's own pages: its login form (any password), then its consent form. */
async function passProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${app.idp.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("single sign-on: through the provider's login and consent forms to /consultations as the mapped role", async ({ page }) => {
  const login = `e2e-${randomUUID().slice(0, 8)}`;
  app.idp.accounts.set(login, { email: `${login}@insurer.example`, name: "Sso Coordinator", groups: ["care-team"] });
  await page.goto(`${app.url}/consultations`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsultations/);
  await page.getByRole("button", { name: `Sign in with ${ssoDisplayName}` }).click();
  await passProvider(page, login);
  await expect(page).toHaveURL(`${app.url}/consultations`, { timeout: 15_000 });
  await expect(page.getByTestId("signed-in-as")).toContainText(`${login}@insurer.example`);
  await expect(page.getByTestId("signed-in-as")).toContainText("Coordinator");
});

test("single sign-on: claims that map to no role get a clear refusal and no session", async ({ page }) => {
  const login = `e2e-${randomUUID().slice(0, 8)}`;
  app.idp.accounts.set(login, { email: `${login}@insurer.example`, name: "No Role", groups: ["everyone"] });
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole("button", { name: `Sign in with ${ssoDisplayName}` }).click();
  await passProvider(page, login);
  await expect(page.getByTestId("sso-refused")).toContainText("has no Care Desk role", { timeout: 15_000 });
  await expect(page.getByTestId("sso-refused")).toContainText("You are not signed in.");
  const cookies = await page.context().cookies(app.url);
  expect(cookies.filter((cookie) => cookie.name.endsWith("care-desk.session_token"))).toEqual([]);
  await page.goto(`${app.url}/consultations`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsultations/);
});

/** Enrols the signed-in person at /account through the page; returns the secret shown there. */
async function enrolTwoFactor(page: Page): Promise<string> {
  await page.goto(`${app.url}/account`);
  const setup = page.getByRole("form", { name: "Set up two-factor sign-in" });
  await setup.getByLabel("Password").fill(password);
  await setup.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("two-factor-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("is on");
  return secret;
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("two-factor required for admins: an admin without it is sent to /account until enrolled", async ({ browser }) => {
  test.setTimeout(90_000);
  const first = `admin-${randomUUID().slice(0, 8)}@example.test`;
  const second = `admin-${randomUUID().slice(0, 8)}@example.test`;
  app.createUser("admin", first, password);
  app.createUser("admin", second, password);

  const firstPage = await newPage(browser);
  await signInWithPassword(firstPage, first);
  await expect(firstPage).toHaveURL(`${app.url}/consultations`);
  await enrolTwoFactor(firstPage);
  await firstPage.goto(`${app.url}/admin/users`);
  await expect(firstPage.getByTestId("admin-two-factor-setting")).toContainText("Not required");
  await firstPage.getByRole("button", { name: "Require it for admins" }).click();
  await expect(firstPage.getByRole("form", { name: "Two-factor sign-in for admins" }).getByRole("status")).toContainText("now required");
  await expect(firstPage.getByTestId("admin-two-factor-setting")).toContainText("Required");

  const secondPage = await newPage(browser);
  await signInWithPassword(secondPage, second);
  await expect(secondPage).toHaveURL(`${app.url}/account?two-factor=required`);
  await expect(secondPage.getByRole("main").getByRole("alert")).toContainText("required for admins");
  await secondPage.goto(`${app.url}/deliveries`);
  await expect(secondPage).toHaveURL(`${app.url}/account?two-factor=required`);
  await enrolTwoFactor(secondPage);
  await secondPage.goto(`${app.url}/deliveries`);
  await expect(secondPage).toHaveURL(`${app.url}/deliveries`);
  await expect(secondPage.getByRole("heading", { level: 1 })).toBeVisible();

  // The first admin, enrolled, was never held back.
  await firstPage.goto(`${app.url}/deliveries`);
  await expect(firstPage).toHaveURL(`${app.url}/deliveries`);
  await Promise.all([firstPage.context().close(), secondPage.context().close()]);
});
