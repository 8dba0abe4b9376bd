// Runs once when a server instance starts: say loudly when webhooks are not authenticated.
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself (not configuration): the edge runtime has no Node APIs.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { webhookAuthWarning } = await import("./lib/env");
  if (webhookAuthWarning) console.warn(`\n⚠️  ${webhookAuthWarning}\n`);
}
