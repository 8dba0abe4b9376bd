// Live update latency, as a coordinator sees it: the consultation list open in a real Chromium
// (Debian's, launched as the end-to-end tests launch it), then one new consultation at a time,
// each a signed webhook, and the time from its 2xx answer to the first frame with its row. The
// page polls every 500 ms and re-renders on the server, so this is poll wait + change query +
// server render + React's update. e2e/ui/live-updates.spec.ts proves that rows appear; this
// says how fast.
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../../e2e/support/chromium";
import { percentile, sortNumbers } from "../lib/stats";
import { newConsultationId, signedHeaders, statusUpdateBody } from "./requests";

export type LiveUpdateResult = {
  /** New consultations sent. */
  sent: number;
  /** Rows that appeared within the time allowed; the percentiles are over these. */
  seen: number;
  p50: number;
  p99: number;
  max: number;
  note: string | null;
};

export type LiveUpdateSpec = {
  baseUrl: string;
  signingSecret: string;
  count: number;
  /** The Cookie header of a signed-in coordinator (the list needs a session). */
  cookie: string;
};

/** How long one row may take before it counts as missing (the e2e spec allows 15 s). */
const allowedMs = 15_000;

/**
 * Stamps each row with the page's own clock (epoch ms, like the bench's) at the first frame that
 * shows it. Source text rather than a function: tsx's transform would add helpers to a function
 * that do not exist in the page.
 */
const rowClock = `(() => {
  const seenAt = new Map();
  window.__rowSeenAt = seenAt;
  const record = () =>
    requestAnimationFrame(() => {
      const at = performance.timeOrigin + performance.now();
      for (const row of document.querySelectorAll("[data-row-id]")) {
        const id = row.getAttribute("data-row-id");
        if (!seenAt.has(id)) seenAt.set(id, at);
      }
    });
  record();
  new MutationObserver(record).observe(document.body, { childList: true, subtree: true });
})()`;

/**
 * When the page first showed the row (its own clock), or null after 15 s. Polled with
 * page.evaluate, which DevTools runs outside the page's Content-Security-Policy: the app's nonce
 * CSP forbids eval, which waitForFunction's string predicates need. The page stamps the time
 * itself, so how often this polls does not change the figure.
 */
async function readRowSeenAt(page: Page, id: string): Promise<number | null> {
  const deadline = Date.now() + allowedMs;
  while (Date.now() < deadline) {
    const seenAt = (await page.evaluate(`window.__rowSeenAt.get(${JSON.stringify(id)}) ?? null`)) as number | null;
    if (seenAt !== null) return seenAt;
    await sleep(50);
  }
  return null;
}

export async function measureLiveUpdates({ baseUrl, signingSecret, count, cookie }: LiveUpdateSpec): Promise<LiveUpdateResult> {
  const empty = { sent: 0, seen: 0, p50: 0, p99: 0, max: 0 };
  if (!existsSync(chromiumLaunchOptions.executablePath)) return { ...empty, note: `no browser at ${chromiumLaunchOptions.executablePath}` };
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
      }),
    );
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/consultations`);
    if (response?.status() !== 200 || new URL(page.url()).pathname !== "/consultations") {
      return { ...empty, note: `the list page answered ${response?.status() ?? "nothing"} at ${page.url()}` };
    }
    const status = page.getByTestId("live-status");
    const live = await status
      .filter({ hasText: /^Live$/ })
      .waitFor({ timeout: allowedMs })
      .then(() => true, () => false);
    if (!live) return { ...empty, note: `the list did not go live within ${allowedMs / 1000} s (it said "${await status.textContent()}")` };
    await page.evaluate(rowClock);

    const latencies: number[] = [];
    let failed = 0;
    for (let i = 0; i < count; i++) {
      // A random phase against the 500 ms poll, so the samples cover its whole cycle.
      await sleep(randomInt(0, 1000));
      const id = newConsultationId();
      // Dated now: newer than every seeded consultation, so at the top of the list.
      const body = statusUpdateBody(id, 0, Date.now() * 1000);
      const answer = await fetch(`${baseUrl}/api/webhooks`, { method: "POST", headers: signedHeaders(signingSecret, body), body });
      const answeredAt = performance.timeOrigin + performance.now();
      await answer.arrayBuffer();
      if (!answer.ok) {
        failed++;
        continue;
      }
      const seenAt = await readRowSeenAt(page, String(id));
      if (seenAt !== null) latencies.push(Math.max(0, seenAt - answeredAt));
    }
    const sorted = sortNumbers(latencies);
    const missing = count - failed - latencies.length;
    const notes = [...(failed > 0 ? [`${failed} webhooks not answered 2xx`] : []), ...(missing > 0 ? [`${missing} rows not shown within ${allowedMs / 1000} s`] : [])];
    if (sorted.length === 0) return { ...empty, sent: count, note: notes.join("; ") || "no row appeared" };
    return {
      sent: count,
      seen: latencies.length,
      p50: Math.round(percentile(sorted, 50)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted.at(-1) ?? 0),
      note: notes.length > 0 ? notes.join("; ") : null,
    };
  } finally {
    await browser.close();
  }
}
