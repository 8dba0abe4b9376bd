// How Debian's Chromium is launched, by Playwright's ui projects and by the bench's live-update
// measurement alike. No browser is ever downloaded; the machines run as root (no sandbox
// possible) with the network closed.
export const chromiumLaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
