// The `auth` project: signs in once per role through the real /sign-in form and saves the
// browser state that the other projects start from.
import { expect, test as setup } from "@playwright/test";
import { e2eUsers, storageStatePath, type E2eRole } from "../support/test-server";

for (const role of Object.keys(e2eUsers) as E2eRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = e2eUsers[role];
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(user.email);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
