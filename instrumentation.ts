// Runs once when a server instance starts: stamp each request with its TCP peer's address
// (lib/http/peer-address), put the webhook front gate in place (lib/webhooks/front-gate), say
// loudly when webhooks are not authenticated, print the first-run setup link while no admin
// exists, backfill the worklist's tasks once, and start the background jobs (lib/jobs).
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself (not configuration): the edge runtime has no Node APIs.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startStampingPeerAddress } = await import("./lib/http/peer-address");
  startStampingPeerAddress();
  const { installFrontGate } = await import("./lib/webhooks/front-gate");
  installFrontGate();
  // Parses CARE_DESK_ALLOWED_HOSTS and CARE_DESK_TRUSTED_PROXIES now: a typo is logged at start.
  await import("./lib/http/deployment");
  const { webhookAuthWarning } = await import("./lib/env");
  const { log } = await import("./lib/observability/log");
  if (webhookAuthWarning) log.warn(`⚠️  ${webhookAuthWarning}`);
  // NEXT_PHASE (also Next.js's own): no setup link and no background jobs while `next build` loads the app.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { announceSetupLink } = await import("./lib/auth/announce-setup");
  await announceSetupLink();
  // Tasks for recommendations stored before the worklist existed: once per database (lib/tasks/backfill.ts).
  const { backfillTasks } = await import("./lib/tasks/backfill");
  backfillTasks()
    .then((result) => (result.skipped ? undefined : log.info({ consultations: result.consultations }, "worklist: tasks backfilled")))
    .catch((error: unknown) => log.error({ err: error }, "worklist: the task backfill failed; it runs again at the next start"));
  const { startJobs } = await import("./lib/jobs/scheduler");
  startJobs();
  const { startFlushingShapeCounts } = await import("./lib/drift/record");
  startFlushingShapeCounts((error) => log.warn({ err: error }, "payload drift: could not write the shape counts"));
}
