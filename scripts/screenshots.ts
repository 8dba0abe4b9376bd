// npm run screenshots [-- --port 3160]
// The README's screenshots, refreshed from the production build (`npm run build` first): starts
// it on a fresh database with the e2e users (scripts/e2e-server.ts), sends a few sample
// consultations as Altibbi would (signed webhooks), signs in as the coordinator through /sign-in
// and saves the consultation list and one consultation in English and in Arabic to
// docs/screenshots/{consultations,consultation}-{en,ar}.png. Uses Debian's Chromium.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { z } from "zod";
import { parseOptions } from "./lib/cli";
import { root } from "./lib/prisma-schemas";

const options = parseOptions(
  process.argv.slice(2),
  { port: { type: "string" } },
  z.object({ port: z.string().regex(/^\d{2,5}$/).optional() }),
  "Usage: npm run screenshots [-- --port <port>]   (default: E2E_PORT, else 3160)",
);
const port = options.port ?? process.env.E2E_PORT ?? "3160";
// The e2e helpers read the port when they are loaded: set it first.
process.env.E2E_PORT = port;
const { e2eBaseUrl, e2eUsers } = await import("../e2e/support/test-server");
const { testServer } = await import("../e2e/support/webhooks");
const { chromiumLaunchOptions } = await import("../e2e/support/chromium");
const { recommendation, recommendationData, statusUpdate } = await import("../tests/support/payloads");
const { arabicRecommendation } = await import("../tests/support/prescriptions");
const { deliver } = await import("../tests/support/webhooks");

const outDir = path.join(root, "docs", "screenshots");
mkdirSync(outDir, { recursive: true });

const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/e2e-server.ts")], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, E2E_PORT: port },
  detached: true,
});
const stopServer = () => {
  if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
};
process.on("exit", stopServer);

async function waitForServer() {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit code ${server.exitCode})`);
    try {
      if ((await fetch(`${e2eBaseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not answer /api/health within two minutes");
}

/** An event time `minutes` before now, in Altibbi's format (microseconds, UTC). */
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

/** Sample consultations: every status, two recommendations (one written in Arabic), members and policies. */
async function seed(): Promise<number> {
  const first = 48_210;
  const members = [7301, 7302, 7303, 7304, 7305, 7306];
  const steps: [string | null, string][] = [
    [null, "new"],
    ["new", "checking_medical_profile"],
    ["checking_medical_profile", "in_progress"],
    ["in_progress", "closed"],
  ];
  for (const [index, member] of members.entries()) {
    const id = first + index;
    const extra = { user_id: member, insurance_id: `INS-${member}`, policy_number: `POL-${1200 + (index % 3)}` };
    const last = index % steps.length;
    for (let step = 0; step <= last; step++) {
      const [from, to] = steps[step]!;
      await deliver(testServer, statusUpdate(id, from, to, ago(300 - index * 40 - step * 25), extra));
    }
  }
  await deliver(testServer, recommendation(first + 3, ago(150), recommendationData(), { user_id: members[3] }));
  const arabic = arabicRecommendation(first + 5);
  await deliver(testServer, { ...arabic, datetime: ago(60), user_id: members[5], insurance_id: `INS-${members[5]}`, policy_number: "POL-1202" });
  return first + 3;
}

try {
  await waitForServer();
  const detailId = await seed();
  const browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const user = e2eUsers.coordinator;
  await page.goto(`${e2eBaseUrl}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-as").waitFor();
  for (const locale of ["en", "ar"] as const) {
    await context.addCookies([{ name: "locale", value: locale, url: e2eBaseUrl }]);
    for (const [name, address] of [
      ["consultations", "/consultations"],
      ["consultation", `/consultations/${detailId}`],
    ] as const) {
      await page.goto(`${e2eBaseUrl}${address}`);
      await page.locator(`html[lang="${locale}"]`).waitFor();
      // The page streams in after its loading skeleton: wait for its heading and the last section.
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.getByTestId(name === "consultations" ? "consultation-table" : "recommendation").waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const file = path.join(outDir, `${name}-${locale}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(path.relative(root, file));
    }
  }
  await browser.close();
} finally {
  stopServer();
}
