// npm run simulate -- --url http://localhost:3000 [--consultations 50] [--rate 20] [--duplicates 0.1] [--shuffle] [--seed 42]
// Plays Altibbi against a running Care Desk: generates consultations, sends their webhooks
// authenticated like the configured sender, retries like a real one, and sums up.
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { env } from "../lib/env";
import { parseOptions } from "./lib/cli";
import { percentile, sortNumbers } from "./lib/stats";
import { planDeliveries } from "./simulator/deliveries";
import { eventsInTimeOrder, generateConsultations } from "./simulator/generate";
import { createRandom } from "./simulator/random";
import { sendDeliveries, emptyStats, type SendStats } from "./simulator/send";
import { authChoices, senderAuth, type AuthChoice } from "./simulator/sign";
import { readStoredSecret } from "./simulator/stored-secret";
import { resolveDatabase } from "../lib/db-config";

const usage = `Usage: npm run simulate -- --url <base URL> [options]

  --url <url>            the Care Desk instance, e.g. http://localhost:3000 (a URL with a
                         path other than / is used as the webhook endpoint as it is)
  --consultations <n>    consultations to generate (default 50)
  --rate <n>             deliveries started per second (default 20; 0 = as fast as possible)
  --duplicates <p>       share of deliveries sent twice, 0…1 (default 0)
  --shuffle              send in random order instead of event-time order
  --seed <n>             makes the stream reproducible (default: random, printed)
  --until <time>         event times end here (default: now); with --seed, replays exactly
  --first-id <n>         consultation id of the first consultation (default: from seed and time)
  --concurrency <n>      most deliveries in flight at once (default 16)
  --retries <n>          retries of a non-2xx answer, with exponential backoff (default 3)
  --auth <kind>          auto | signature | bearer | basic | none (default auto: the first of
                         WEBHOOK_SIGNING_SECRETS, WEBHOOK_BEARER_TOKEN, WEBHOOK_BASIC_AUTH set)
  --timeout <seconds>    per attempt (default 10)`;

const options = parseOptions(
  process.argv.slice(2),
  {
    url: { type: "string" },
    consultations: { type: "string" },
    rate: { type: "string" },
    duplicates: { type: "string" },
    shuffle: { type: "boolean" },
    seed: { type: "string" },
    until: { type: "string" },
    "first-id": { type: "string" },
    concurrency: { type: "string" },
    retries: { type: "string" },
    auth: { type: "string" },
    timeout: { type: "string" },
  },
  z.object({
    url: z.url({ protocol: /^https?$/, error: "is required: the instance's base URL, e.g. http://localhost:3000" }),
    consultations: z.coerce.number().int().min(1).max(1_000_000).default(50),
    rate: z.coerce.number().min(0).max(100_000).default(20),
    duplicates: z.coerce.number().min(0).max(1).default(0),
    shuffle: z.boolean().default(false),
    seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).optional(),
    until: z.iso.datetime({ offset: true }).transform((text) => new Date(text)).optional(),
    "first-id": z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER - 1_000_000).optional(),
    concurrency: z.coerce.number().int().min(1).max(256).default(16),
    retries: z.coerce.number().int().min(0).max(10).default(3),
    auth: z.enum(authChoices as [AuthChoice, ...AuthChoice[]]).default("auto"),
    timeout: z.coerce.number().min(0.1).max(300).default(10),
  }),
  usage,
);

const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
const until = options.until ?? new Date();
until.setUTCMilliseconds(0); // printable as a plain --until value that replays exactly
// Ids from the seed and the time: a replay hits the same consultations, another run new ones.
const firstId = options["first-id"] ?? createRandom((seed ^ Math.floor(until.getTime() / 1000)) >>> 0).int(1, 9000) * 1_000_000;
const endpoint = new URL(options.url);
if (endpoint.pathname === "/" || endpoint.pathname === "") endpoint.pathname = "/api/webhooks";

// Like the server: the WEBHOOK_* variables when any is set, else the secret it keeps in the database.
const envConfigured = Boolean(env.WEBHOOK_SIGNING_SECRETS || env.WEBHOOK_BEARER_TOKEN || env.WEBHOOK_BASIC_AUTH);
const stored = envConfigured || options.auth === "none" ? null : await readStoredSecret(resolveDatabase(env.DATABASE_URL));
let auth;
try {
  auth = senderAuth(stored ? { WEBHOOK_SIGNING_SECRETS: stored.current } : env, options.auth);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const consultations = [...generateConsultations({ seed, consultations: options.consultations, firstId, until })];
const deliveries = planDeliveries(eventsInTimeOrder(consultations), { seed, duplicates: options.duplicates, shuffle: options.shuffle });
const redeliveries = deliveries.filter((delivery) => delivery.redelivery).length;

console.log(`Simulating Altibbi → ${endpoint.href}`);
console.log(
  `  ${consultations.length} consultations (ids ${firstId}…${firstId + consultations.length - 1}), ` +
    `${deliveries.length - redeliveries} events + ${redeliveries} redeliveries, ${options.shuffle ? "shuffled" : "in event-time order"}`,
);
console.log(`  auth: ${auth.kind === "none" ? "none (only next dev with WEBHOOK_AUTH=none accepts this)" : stored ? "signature (the secret the server keeps in the database)" : auth.kind}; replay: --seed ${seed} --until ${until.toISOString()}`);

const stats = emptyStats(deliveries.length);
const started = performance.now();
const live = process.stdout.isTTY;
const progress = () => {
  const line = `  sent ${stats.done}/${stats.planned} · 2xx ${stats.ok} · 4xx ${stats.clientErrors} · 5xx ${stats.serverErrors} · retries ${stats.retries}`;
  if (live) process.stdout.write(`\r${line}   `);
  else console.log(line);
};
const ticker = setInterval(progress, live ? 250 : 5000);
await sendDeliveries(
  deliveries,
  {
    url: endpoint.href,
    auth,
    rate: options.rate,
    concurrency: options.concurrency,
    retries: options.retries,
    backoffMs: 500,
    timeoutMs: options.timeout * 1000,
    stopAfterUnauthorized: 10,
  },
  stats,
);
clearInterval(ticker);
progress();
if (live) process.stdout.write("\n");
printSummary(stats, (performance.now() - started) / 1000);
process.exit(stats.ok === stats.planned ? 0 : 1);

function printSummary(result: SendStats, seconds: number): void {
  const latencies = sortNumbers(result.latencies);
  const ms = (value: number) => (Number.isNaN(value) ? "–" : `${value.toFixed(1)} ms`);
  const outcomes = Object.entries(result.outcomes).map(([name, count]) => `${count} ${name}`).join(", ") || "none";
  console.log(`\nSummary (${seconds.toFixed(1)} s)`);
  console.log(`  sent        ${result.done} of ${result.planned} deliveries, in ${result.attempts} attempts`);
  console.log(`  2xx         ${result.ok} (${outcomes})`);
  console.log(`  4xx         ${result.clientErrors}`);
  console.log(`  5xx         ${result.serverErrors}`);
  console.log(`  no answer   ${result.networkErrors}`);
  console.log(`  retries     ${result.retries}`);
  console.log(`  latency     p50 ${ms(percentile(latencies, 50))} · p99 ${ms(percentile(latencies, 99))} (per attempt)`);
  if (result.refusals.length > 0) console.log(`  refused     ${result.refusals.join("\n              ")}`);
  if (result.stoppedEarly) {
    console.log(`\nStopped early: ${result.stoppedEarly}.`);
    console.log("Set the same WEBHOOK_SIGNING_SECRETS, WEBHOOK_BEARER_TOKEN or WEBHOOK_BASIC_AUTH as the instance uses.");
  }
}
