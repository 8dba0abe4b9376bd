// End-to-end tests against `next start` (the production build) on a fresh SQLite database.
// Projects: `first` (specs that need the empty database to themselves: they run before any
// other), then `api` (HTTP only) and `ui` (Debian's Chromium; no browser is ever downloaded).
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";
import { e2eBaseUrl, storageStatePath } from "./e2e/support/test-server";

// One id for this run, set before the workers and the server start so they all inherit it:
// tests/support/time-window.ts claims each test's day under it.
process.env.CARE_DESK_TEST_RUN ??= `e2e-${Date.now().toString(36)}_${process.pid}`;

const chromium = { browserName: "chromium" as const, launchOptions: chromiumLaunchOptions };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores shared with the server and the browser.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
  },
  // `auth` signs in once per role through the /sign-in form; the others start signed in as a
  // coordinator (a spec that needs another role says so with test.use({ storageState })).
  projects: [
    {
      name: "auth",
      testDir: "e2e/setup",
      testMatch: /\.setup\.ts$/,
      use: chromium,
    },
    {
      name: "first",
      testDir: "e2e/first",
      dependencies: ["auth"],
      use: { ...chromium, storageState: storageStatePath("coordinator") },
    },
    {
      name: "api",
      testDir: "e2e/api",
      dependencies: ["first"],
      use: { storageState: storageStatePath("coordinator") },
    },
    {
      name: "ui",
      testDir: "e2e/ui",
      dependencies: ["first"],
      use: { ...chromium, storageState: storageStatePath("coordinator") },
    },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${e2eBaseUrl}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
