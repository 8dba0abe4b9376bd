// Fills a fresh bench database with generated consultations, written straight into the tables
// (not through the webhook route): prepared statements in large transactions on SQLite,
// unnest() of column arrays on PostgreSQL. The rows are exactly those the webhook route would
// store for the same events (the same projection, lib/webhooks/to-rows), without the inbox.
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../lib/db-config";
import { drugFields } from "../../lib/schemas/drug";
import { answerFields, followUpFields, icd10Fields, labFields } from "../../lib/schemas/recommendation-fields";
import type { WebhookPayload } from "../../lib/schemas/webhook";
import { env } from "../../lib/env";
import { statusRank } from "../../lib/statuses";
import { backfillSettingKey, desiredTasks, dueAfter } from "../../lib/tasks/items";
import { toIngestRows, type RecommendationEvent, type StatusEvent } from "../../lib/webhooks/to-rows";
import { generateConsultations, type SimConsultation } from "../simulator/generate";
import { createRandom } from "../simulator/random";

type Column = [name: string, pgType: "bigint" | "integer" | "text" | "timestamp(3)"];
type Table = { name: string; columns: Column[] };

const text = (name: string): Column => [name, "text"];
/** A recommendation's child table: its place, then its text fields (lib/schemas' field lists). */
const child = (name: string, fields: readonly string[]): Table => ({
  name,
  columns: [["recommendationId", "integer"], ["position", "integer"], ...fields.map(text)],
});
const tables = {
  consultation: {
    name: "Consultation",
    columns: [
      ["id", "bigint"], text("userId"), ["userIdUs", "bigint"], text("insuranceId"), ["insuranceIdUs", "bigint"], text("policyNumber"),
      ["policyNumberUs", "bigint"], text("status"), ["statusRank", "integer"], text("statusTime"), ["statusUs", "bigint"],
      ["firstSeenAt", "timestamp(3)"], text("lastEventTime"), ["lastEventUs", "bigint"], ["recommendationId", "integer"],
      ["recommendationUs", "bigint"], text("recommendationSha"), text("diagnosisCode"), text("diagnosisName"), ["drugCount", "integer"],
      ["updatedAt", "timestamp(3)"],
    ],
  },
  statusChange: {
    name: "StatusChange",
    columns: [["consultationId", "bigint"], text("oldStatus"), text("newStatus"), text("eventTime"), ["eventUs", "bigint"], ["receivedAt", "timestamp(3)"], text("eventKey")],
  },
  recommendation: {
    name: "Recommendation",
    columns: [
      ["id", "integer"], ["consultationId", "bigint"], text("eventTime"), ["eventUs", "bigint"], ["receivedAt", "timestamp(3)"], text("contentSha"),
      text("referralName"), text("dispenseUrl"), text("dispensePassCode"), text("dispenseQrUrl"),
    ],
  },
  icd10: child("RecommendationIcd10", ["kind", ...icd10Fields]),
  drug: child("RecommendationDrug", drugFields),
  lab: child("RecommendationLab", ["kind", ...labFields]),
  followUp: child("RecommendationFollowUp", followUpFields),
  answer: child("RecommendationAnswer", answerFields),
  // The worklist's tasks of each current recommendation, as lib/tasks/reconcile.ts derives them.
  task: {
    name: "Task",
    columns: [
      ["consultationId", "bigint"], text("kind"), text("itemKey"), text("title"), text("state"), ["dueAt", "timestamp(3)"], ["version", "integer"],
      ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"], ["recommendationId", "integer"],
    ],
  },
} satisfies Record<string, Table>;

type TableKey = keyof typeof tables;
type Value = string | number | null;
type Rows = Record<TableKey, Value[][]>;

const emptyRows = (): Rows => ({ consultation: [], statusChange: [], recommendation: [], icd10: [], drug: [], lab: [], followUp: [], answer: [], task: [] });

const dueDays = { follow_up: env.CARE_DESK_FOLLOW_UP_DUE_DAYS, referral: env.CARE_DESK_REFERRAL_DUE_DAYS };

/** Values search benchmarks look for: they exist in the seeded data. */
export type SearchSamples = { id: string[]; policyNumber: string[]; drugName: string[]; icd10Code: string[] };

/** detailIds: consultations for the detail page; memberIds: their members, for the member page. */
export type SeedResult = { consultations: number; rows: number; seconds: number; detailIds: number[]; memberIds: string[]; search: SearchSamples };

export type SeedOptions = { count: number; seed: number; until: Date; onProgress?: (done: number) => void };

/** Projects one consultation's events into table rows, as the webhook route would have stored them. */
function addRows(rows: Rows, consultation: SimConsultation, nextRecommendationId: () => number): RecommendationEvent | null {
  // Altibbi's receiver would have received each event about a second after it happened.
  const receivedAt = (us: bigint) => new Date(Number(us / 1000n) + 1000);
  const events = consultation.events.map((event) => toIngestRows(event.body as WebhookPayload));
  const statuses = events.filter((event): event is StatusEvent => event.kind === "status");
  const recommendations = events.filter((event): event is RecommendationEvent => event.kind === "recommendation");
  let current: { id: number; event: RecommendationEvent } | null = null;

  for (const event of statuses) {
    rows.statusChange.push([Number(event.consultationId), event.oldStatus, event.newStatus, event.eventTime, Number(event.eventMicros), iso(receivedAt(event.eventMicros)), event.eventKey]);
  }
  for (const event of recommendations) {
    const id = nextRecommendationId();
    if (!current || current.event.eventMicros < event.eventMicros) current = { id, event };
    rows.recommendation.push([
      id, Number(event.consultationId), event.eventTime, Number(event.eventMicros), iso(receivedAt(event.eventMicros)), event.contentSha,
      event.referralName, event.dispenseUrl, event.dispensePassCode, event.dispenseQrUrl,
    ]);
    event.icd10.forEach((entry, i) => rows.icd10.push([id, i, entry.kind, ...icd10Fields.map((field) => entry[field])]));
    event.drugs.forEach((drug, i) => rows.drug.push([id, i, ...drugFields.map((field) => drug[field])]));
    event.labs.forEach((lab, i) => rows.lab.push([id, i, lab.kind, ...labFields.map((field) => lab[field])]));
    event.followUps.forEach((followUp, i) => rows.followUp.push([id, i, ...followUpFields.map((field) => followUp[field])]));
    event.answers.forEach((answer, i) => rows.answer.push([id, i, ...answerFields.map((field) => answer[field])]));
  }

  if (current) {
    const { id, event } = current;
    const eventTime = new Date(Number(event.eventMicros / 1000n));
    const created = iso(receivedAt(event.eventMicros));
    for (const task of desiredTasks(event.followUps.map((followUp) => followUp.name), event.referralName)) {
      rows.task.push([Number(event.consultationId), task.kind, task.itemKey, task.title, "open", iso(dueAfter(eventTime, dueDays[task.kind])), 1, created, created, id]);
    }
  }

  // The consultation as the order-independent upsert leaves it: latest values win.
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const latestWith = (pick: (event: (typeof events)[number]) => string | null) => [...events].reverse().find((event) => pick(event) !== null);
  const userEvent = latestWith((event) => event.userId);
  const insuranceEvent = latestWith((event) => event.insuranceId);
  const policyEvent = latestWith((event) => event.policyNumber);
  const status = statuses[statuses.length - 1] ?? null;
  const diagnosis = current?.event.icd10.find((entry) => entry.kind === "diagnosis") ?? null;
  rows.consultation.push([
    consultation.id,
    userEvent?.userId ?? null, userEvent ? Number(userEvent.eventMicros) : null,
    insuranceEvent?.insuranceId ?? null, insuranceEvent ? Number(insuranceEvent.eventMicros) : null,
    policyEvent?.policyNumber ?? null, policyEvent ? Number(policyEvent.eventMicros) : null,
    status?.newStatus ?? null, status ? statusRank(status.newStatus) : null, status?.eventTime ?? null, status ? Number(status.eventMicros) : null,
    iso(receivedAt(first.eventMicros)), last.eventTime, Number(last.eventMicros),
    current?.id ?? null, current ? Number(current.event.eventMicros) : null, current?.event.contentSha ?? null,
    diagnosis?.code ?? null, diagnosis?.name ?? null, current ? current.event.drugs.length : null,
    iso(receivedAt(last.eventMicros)),
  ]);
  return current?.event ?? null;
}

const iso = (date: Date) => date.toISOString();

/** Seeded consultations start at id 1; the bench's webhook load uses ids far above. */
export async function seedDatabase(target: DatabaseTarget, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const writer = target.kind === "sqlite" ? await sqliteWriter(target.file) : await postgresWriter(target.url);
  const random = createRandom(options.seed ^ 0xbe7c4);
  const search: SearchSamples = { id: [], policyNumber: [], drugName: [], icd10Code: [] };
  const detailIds: number[] = [];
  const memberIds: string[] = [];
  // Samples spread evenly over the whole range (old and new rows alike): every `step`-th
  // consultation raises a wish that the next consultation able to grant it fulfils.
  const searchStep = Math.max(1, Math.floor(options.count / 20));
  const detailStep = Math.max(1, Math.floor(options.count / 500));
  const wishes = { search: 0, detail: 0 };
  const keep = (list: string[], value: string | null | undefined) => {
    if (!value || list.includes(value)) return false;
    list.push(value);
    return true;
  };

  let recommendationId = 0;
  let rows = emptyRows();
  let rowCount = 0;
  let pending: Promise<number> = Promise.resolve(0);
  let done = 0;
  try {
    for (const consultation of generateConsultations({ seed: options.seed, consultations: options.count, firstId: 1, until: options.until })) {
      const current = addRows(rows, consultation, () => ++recommendationId);
      if (done % searchStep === 0) wishes.search++;
      if (done % detailStep === 0) wishes.detail++;
      done++;
      if (current && wishes.detail > 0) {
        detailIds.push(consultation.id);
        const userId = consultation.events[0]!.body.user_id;
        keep(memberIds, userId === null || userId === undefined ? null : String(userId));
        wishes.detail--;
      }
      if (current && wishes.search > 0) {
        const member = consultation.events[0]!.body;
        keep(search.id, String(consultation.id));
        keep(search.policyNumber, member.policy_number === null || member.policy_number === undefined ? null : String(member.policy_number));
        keep(search.drugName, random.pick(current.drugs).name);
        keep(search.icd10Code, current.icd10.find((entry) => entry.kind === "diagnosis")?.code);
        wishes.search--;
      }
      if (rows.consultation.length >= 5000) {
        // PostgreSQL writes in its own process: generate the next chunk meanwhile.
        rowCount += await pending;
        pending = writer.write(rows);
        rows = emptyRows();
        options.onProgress?.(done);
      }
    }
    rowCount += await pending;
    rowCount += await writer.write(rows);
    await writer.finish();
  } finally {
    await pending.catch(() => 0);
    await writer.close();
  }
  options.onProgress?.(done);
  return { consultations: done, rows: rowCount, seconds: (performance.now() - started) / 1000, detailIds, memberIds, search };
}

type Writer = { write(rows: Rows): Promise<number>; finish(): Promise<void>; close(): Promise<void> };

async function sqliteWriter(file: string): Promise<Writer> {
  // The migration step has already put the file in WAL mode. Its connection lets go of the
  // write lock asynchronously after the migration resolves: wait for that without blocking
  // the event loop (a synchronous busy wait here would hold up the very release it waits for).
  const db = new Database(file, { timeout: 0 });
  for (let waited = 0; ; waited += 50) {
    try {
      db.exec("BEGIN IMMEDIATE; COMMIT");
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || waited > 30_000) throw error;
      await sleep(50);
    }
  }
  // A throw-away bench database: no fsync while filling it (the server later uses FULL).
  db.pragma("synchronous = OFF");
  const statements = Object.fromEntries(
    Object.entries(tables).map(([key, table]) => [
      key,
      db.prepare(`INSERT INTO "${table.name}" (${table.columns.map(([name]) => `"${name}"`).join(", ")}) VALUES (${table.columns.map(() => "?").join(", ")})`),
    ]),
  ) as Record<TableKey, Database.Statement>;
  const insertAll = db.transaction((rows: Rows) => {
    let count = 0;
    for (const key of Object.keys(tables) as TableKey[]) {
      for (const row of rows[key]) statements[key].run(row);
      count += rows[key].length;
    }
    return count;
  });
  return {
    write: async (rows) => insertAll(rows),
    finish: async () => {
      // The tasks were seeded as lib/tasks/reconcile.ts derives them: the server's start-up
      // backfill (lib/tasks/backfill.ts) has nothing to do, and must not hold the write lock for
      // minutes reconciling a million consultations while the bench creates its users.
      db.prepare(`INSERT INTO "Setting" ("key", "value", "createdAt") VALUES (?, ?, ?) ON CONFLICT ("key") DO NOTHING`).run(
        backfillSettingKey,
        "seeded by the bench",
        new Date().toISOString().replace("Z", "+00:00"),
      );
      db.exec("ANALYZE");
      db.pragma("wal_checkpoint(TRUNCATE)");
    },
    close: async () => {
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  const insert = async (table: Table, rows: Value[][]) => {
    if (rows.length === 0) return;
    const columns = table.columns.map(([name]) => `"${name}"`).join(", ");
    const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    const params = table.columns.map((_, i) => rows.map((row) => row[i] ?? null));
    await client.query(`INSERT INTO "${table.name}" (${columns}) SELECT * FROM unnest(${arrays})`, params);
  };
  return {
    write: async (rows) => {
      await client.query("BEGIN");
      let count = 0;
      for (const key of Object.keys(tables) as TableKey[]) {
        await insert(tables[key], rows[key]);
        count += rows[key].length;
      }
      await client.query("COMMIT");
      return count;
    },
    finish: async () => {
      // Explicit recommendation ids bypassed the sequence: move it past them for the live inserts.
      await client.query(`SELECT setval(pg_get_serial_sequence('"Recommendation"', 'id'), GREATEST((SELECT max("id") FROM "Recommendation"), 1))`);
      // As for SQLite: the seeded tasks are the backfill's.
      await client.query(`INSERT INTO "Setting" ("key", "value", "createdAt") VALUES ($1, $2, now()) ON CONFLICT ("key") DO NOTHING`, [backfillSettingKey, "seeded by the bench"]);
      // As autovacuum leaves a table that has taken inserts: statistics, and the visibility map
      // that lets index-only scans skip the table (without it the planner prices them as heap reads).
      await client.query("VACUUM (ANALYZE)");
    },
    close: async () => client.end(),
  };
}
