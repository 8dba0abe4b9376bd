// npm run deliveries:reprocess -- [--outcome rejected|processed] [--type …] [--consultation <id>] [--delivery <id>]
//   [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--after-id <id>] [--dry-run] [--json]
// Runs stored deliveries again through today's validation and projection (lib/reprocess), on the
// database DATABASE_URL names; prints what changed (or, with --dry-run, what would).
import { z } from "zod";
import { disconnectDb } from "../lib/db";
import type { Caller } from "../lib/auth/permissions";
import { reprocessFilterFrom, type ReprocessSummary } from "../lib/reprocess/filter";
import { noRequestContext, recordAudit } from "../lib/audit/record";
import { reprocessAuditEvent } from "../lib/reprocess/audit";
import { reprocessDeliveries } from "../lib/reprocess/reprocess";
import { parseOptions } from "./lib/cli";

const usage = `usage: npm run deliveries:reprocess -- [--outcome rejected|processed] [--type status_update|recommendation_data]
       [--consultation <id>] [--delivery <id>] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--after-id <id>] [--dry-run] [--json]

Reprocesses stored deliveries (oldest first, at most 1000 a run) through today's validation and
projection. --dry-run changes nothing and prints what applying would do.`;

const options = parseOptions(
  process.argv.slice(2),
  {
    outcome: { type: "string" },
    type: { type: "string" },
    consultation: { type: "string" },
    delivery: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    "after-id": { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
  },
  z.object({
    outcome: z.string().optional(),
    type: z.string().optional(),
    consultation: z.string().optional(),
    delivery: z.string().optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    "after-id": z.string().optional(),
    "dry-run": z.boolean().optional(),
    json: z.boolean().optional(),
  }),
  usage,
);

const filter = reprocessFilterFrom({
  outcome: options.outcome,
  type: options.type,
  consultationId: options.consultation,
  deliveryId: options.delivery,
  since: options.since,
  until: options.until,
  afterId: options["after-id"],
});
if (!filter.success) {
  console.error(`${filter.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n")}\n\n${usage}`);
  process.exit(2);
}

/** Whoever can run this command on the server holds the database anyway: it acts as an admin. */
const operator: Caller = { kind: "token", tokenId: "cli", name: "npm run deliveries:reprocess", role: "admin" };

function print(summary: ReprocessSummary): void {
  const lines = [
    `${summary.dryRun ? "Dry run (nothing changed)" : "Reprocessed"}: ${summary.filterText}`,
    `  deliveries selected        ${summary.selected}`,
    `  valid today                ${summary.accepted}`,
    `  new consultations          ${summary.newConsultations.length}${summary.newConsultations.length ? ` (${summary.newConsultations.slice(0, 20).join(", ")})` : ""}`,
    `  status changes             ${summary.statusChanges.length}`,
    ...summary.statusChanges.slice(0, 20).map((change) => `    ${change.consultationId}: ${change.from ?? "none"} -> ${change.to ?? "none"}`),
    `  new status events          ${summary.newStatusEvents}`,
    `  new recommendation versions ${summary.newRecommendationVersions}`,
    `  once refused, now accepted ${summary.nowAccepted.length}`,
    `  now a duplicate            ${summary.nowDuplicate.length}`,
    `  unchanged                  ${summary.unchanged}`,
    `  still rejected             ${summary.stillRejected.length}`,
    ...summary.stillRejected.slice(0, 20).map((entry) => `    delivery ${entry.deliveryId}: ${entry.reason}`),
  ];
  if (summary.nextAfterId !== null) lines.push(`More deliveries match: run again with --after-id ${summary.nextAfterId}`);
  console.log(lines.join("\n"));
}

try {
  const summary = await reprocessDeliveries(operator, filter.data, { dryRun: options["dry-run"] === true });
  // Recorded as the audit trail's own kind of actor: whoever ran the command on the server.
  if (!summary.dryRun) await recordAudit({ kind: "system", label: "npm run deliveries:reprocess" }, noRequestContext, reprocessAuditEvent(summary, "cli"));
  if (options.json) console.log(JSON.stringify(summary, null, 2));
  else print(summary);
} catch (error) {
  console.error(`deliveries:reprocess: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
