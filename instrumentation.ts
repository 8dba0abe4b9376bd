// Runs once when a server instance starts: say loudly when webhooks are not authenticated, and
// print the first-run setup link while no admin exists.
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself (not configuration): the edge runtime has no Node APIs.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { webhookAuthWarning } = await import("./lib/webhooks/auth-config");
  const warning = webhookAuthWarning();
  if (warning) console.warn(`\n⚠️  ${warning}\n`);
  // NEXT_PHASE (also Next.js's own): no setup link while `next build` loads the app.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { announceSetupLink } = await import("./lib/auth/announce-setup");
  await announceSetupLink();
}
