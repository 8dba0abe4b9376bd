// Sign-in in Chromium: anonymous visitors are sent to /sign-in, the form signs in and out, an
// auditor sees no consultation, an admin manages users and API tokens.
import { expect, test, type Page } from "@playwright/test";
import { recommendation, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";
import { e2eBaseUrl, e2eUsers, storageStatePath } from "../support/test-server";

const anonymous = { cookies: [], origins: [] };
const failed = "The email or password is not correct, or sign-in is paused for this account. Try again later.";

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("anonymous", () => {
  test.use({ storageState: anonymous });

  test("every page redirects to /sign-in, and the API answers 401", async ({ page, request }) => {
    const id = uniqueId();
    await deliver(testServer, recommendation(id, timeWindow().at(1)));
    for (const path of ["/", "/consultations", `/consultations/${id}`, `/consultations/${id}/print`, "/deliveries", "/admin/users", "/admin/tokens", "/account"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await expect(page.getByText("Status timeline")).toHaveCount(0);
    }
    const api = await request.get(`/api/consultations/${id}`);
    expect(api.status()).toBe(401);
    expect(await api.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  test("a wrong password gets the generic message; the right one goes back to the page asked for; sign-out ends it", async ({ page }) => {
    const user = e2eUsers.coordinator;
    await page.goto("/consultations?status=closed");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsultations/);
    await signIn(page, user.email, "not the password at all");
    await expect(page.locator("main [role=alert]")).toHaveText(failed);
    // The attempt is over once the form is reset: the email is kept, the password is not.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await signIn(page, "nobody@e2e.test", "not the password at all");
    await expect(page.locator("main [role=alert]")).toHaveText(failed);
    // The attempt is over once the form is reset: the email is kept, the password is not.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await signIn(page, user.email, user.password);
    // proxy.ts sent the browser to /sign-in with the whole path and query in next=.
    await expect(page).toHaveURL(/\/consultations\?status=closed$/);
    await expect(page.getByTestId("signed-in-as")).toContainText(user.name);
    await expect(page.getByTestId("signed-in-as")).toContainText("Coordinator");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Consultations", "Worklist", "Insights"]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/consultations");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsultations$/);
  });

  test("next= never leaves the site", async ({ page }) => {
    const user = e2eUsers.coordinator;
    await page.goto("/sign-in?next=//evil.example/steal");
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/consultations$/);
  });
});

test.describe("an auditor", () => {
  test.use({ storageState: storageStatePath("auditor") });

  test("sees no consultation: no link, a 403 page, a 403 from the API", async ({ page, request }) => {
    const id = uniqueId();
    await deliver(testServer, recommendation(id, timeWindow().at(2)));
    await page.goto("/");
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Audit", "Users"]);
    await expect(page.getByRole("cell", { name: e2eUsers.coordinator.email })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create user" })).toHaveCount(0);
    for (const path of ["/consultations", `/consultations/${id}`, `/consultations/${id}/print`, "/deliveries"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Your role may not open this page" })).toBeVisible();
      await expect(page.getByText("Status timeline")).toHaveCount(0);
      await expect(page.getByText("Pass code")).toHaveCount(0);
    }
    expect((await request.get(`/api/consultations/${id}`)).status()).toBe(403);
    expect((await request.get("/api/consultations")).status()).toBe(403);
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("creates a user who can then sign in, and an API token that works once copied", async ({ page, browser, playwright }) => {
    await page.goto("/admin/users");
    const email = `new-${uniqueId()}@e2e.test`;
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("New Coordinator");
    await form.getByLabel("Password").fill("password1234");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("alert")).toContainText("most common");
    // The form is cleared after each submission (React's form actions): fill it in again.
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("New Coordinator");
    await form.getByLabel("Password").fill("a fresh coordinator passphrase");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText(`Created ${email}`);
    await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

    const other = await browser.newContext({ storageState: anonymous });
    const otherPage = await other.newPage();
    await otherPage.goto("/sign-in");
    await signIn(otherPage, email, "a fresh coordinator passphrase");
    await expect(otherPage).toHaveURL(/\/consultations$/);
    // The new user changes their password at /account and stays signed in.
    await otherPage.getByRole("link", { name: /New Coordinator/ }).click();
    await otherPage.getByLabel("Current password").fill("a fresh coordinator passphrase");
    await otherPage.getByLabel("New password", { exact: true }).fill("my own coordinator passphrase");
    await otherPage.getByLabel("New password again").fill("my own coordinator passphrase");
    await otherPage.getByRole("button", { name: "Change password" }).click();
    await expect(otherPage.getByRole("status")).toHaveText("Password changed. Your other sessions were signed out.");
    await otherPage.goto("/consultations");
    await expect(otherPage).toHaveURL(/\/consultations$/);
    await other.close();

    await page.goto("/admin/tokens");
    const tokenForm = page.getByRole("form", { name: "New token" });
    await tokenForm.getByLabel("Name").fill("integrator e2e");
    await tokenForm.getByLabel("Role").selectOption("coordinator");
    await tokenForm.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-secret").textContent())!.trim();
    expect(token).toMatch(/^cdk_/);
    const api = await playwright.request.newContext({ baseURL: e2eBaseUrl, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    expect((await api.get("/api/consultations?limit=1")).status()).toBe(200);
    expect((await api.get("/api/deliveries/changes")).status()).toBe(403);
    await api.dispose();
    await page.reload();
    await expect(page.getByTestId("token-row").filter({ hasText: "integrator e2e" })).not.toContainText("never");
    await expect(page.getByText(token)).toHaveCount(0);
  });
});
