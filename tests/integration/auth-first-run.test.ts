// First run on a fresh database (its own, whatever the project's): the server prints one line
// with a setup link at start, the link opens the setup form, and each start while no admin
// exists issues a new link that replaces the last one; the first admin is created through the
// form, after which no link is printed.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDatabase } from "@/lib/db-config";
import { applyPendingMigrations } from "@/scripts/lib/migrate";
import { startNextServer } from "../support/next-server";

const dir = mkdtempSync(path.join(os.tmpdir(), "care-desk-test-first-run-"));
const databaseUrl = `file:${path.join(dir, "care-desk.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startAndReadLink() {
  const server = await startNextServer({ DATABASE_URL: databaseUrl, CARE_DESK_PUBLIC_URL: "http://care-desk.test", CARE_DESK_ALLOWED_HOSTS: "127.0.0.1" });
  const deadline = Date.now() + 15_000;
  let lines: string[] = [];
  while (Date.now() < deadline) {
    lines = server.logs.join("").split("\n").filter((line) => line.includes("/setup?token="));
    if (lines.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { server, lines };
}

describe("first run", () => {
  it("prints one setup link per start while there is no admin; the newest creates the first admin once; then no link", async () => {
    await applyPendingMigrations(resolveDatabase(databaseUrl));
    const first = await startAndReadLink();
    try {
      expect(first.lines).toHaveLength(1);
      expect(first.lines[0]).toMatch(/^Care Desk has no admin yet: open http:\/\/care-desk\.test\/setup\?token=[A-Za-z0-9_-]{43} within one hour/);
      const firstPath = /\/setup\?token=[A-Za-z0-9_-]+/.exec(first.lines[0]!)![0];
      const form = await (await fetch(`${first.server.url}${firstPath}`)).text();
      expect(form).toContain("Create the admin account");
      const wrong = await (await fetch(`${first.server.url}/setup?token=not-the-token`)).text();
      expect(wrong).toContain("This setup link is not valid");
      expect(wrong).not.toContain("Create the admin account");
    } finally {
      await first.server.stop();
    }

    const second = await startAndReadLink();
    try {
      expect(second.lines).toHaveLength(1);
      expect(second.lines[0]).not.toBe(first.lines[0]);
      const oldPath = /\/setup\?token=[A-Za-z0-9_-]+/.exec(first.lines[0]!)![0];
      const newPath = /\/setup\?token=[A-Za-z0-9_-]+/.exec(second.lines[0]!)![0];
      expect(await (await fetch(`${second.server.url}${oldPath}`)).text()).toContain("This setup link is not valid");
      expect(await (await fetch(`${second.server.url}${newPath}`)).text()).toContain("Create the admin account");

      // The first admin, through the real form in Chromium: then signed in, and the link is spent.
      const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
      try {
        const page = await browser.newPage();
        await page.goto(`${second.server.url}${newPath}`);
        await page.getByLabel("Email").fill("first.admin@example.test");
        await page.getByLabel("Name").fill("First Admin");
        await page.getByLabel("Password", { exact: true }).fill("the first admin's passphrase");
        await page.getByLabel("Password again").fill("the first admin's passphrase");
        await page.getByRole("button", { name: "Create the admin account" }).click();
        await page.waitForURL(/\/admin\/users$/, { timeout: 15_000 });
        expect(await page.getByTestId("signed-in-as").textContent()).toContain("first.admin@example.test");
        await page.goto(`${second.server.url}${newPath}`);
        expect(await page.getByRole("alert").filter({ hasText: "This setup link is not valid" }).count()).toBe(1);
      } finally {
        await browser.close();
      }
    } finally {
      await second.server.stop();
    }

    // With an admin, a start prints no link.
    const third = await startNextServer({ DATABASE_URL: databaseUrl });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(third.logs.join("")).not.toContain("/setup?token=");
    } finally {
      await third.stop();
    }
  }, 180_000);
});
