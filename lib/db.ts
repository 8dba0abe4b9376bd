// The one place that creates Prisma clients and knows which database is live.
import "server-only";
import { env } from "./env";
import { describeDatabase, resolveDatabase, type DatabaseTarget } from "./db-config";
import { createAdapterFactory } from "./db-adapter";
import { Mutex } from "./mutex";
import { createSqliteAggregateReader, createWriter, type AggregateReader, type SqlParam, type WriteSession, type Writer } from "./db-writer";
import { PrismaClient as PostgresClient, Prisma } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

// Both generated clients expose the same model API; the PostgreSQL one's types stand for both.
export type Db = InstanceType<typeof PostgresClient>;
export type Tx = Prisma.TransactionClient;
export { Prisma };

const target = resolveDatabase(env.DATABASE_URL);

type Clients = { target: DatabaseTarget; read: Db; write: Db; ready: Promise<void>; writeLock: Mutex; writer: Writer; aggregates: AggregateReader | null };
export type { WriteSession };

function createClient(target: DatabaseTarget): Db {
  const adapter = createAdapterFactory(target);
  return (target.kind === "sqlite" ? new SqliteClient({ adapter }) : new PostgresClient({ adapter })) as unknown as Db;
}

async function prepareSqliteWriter(client: Db): Promise<void> {
  // WAL lets readers work while a write commits (it is a property of the file, so the
  // migration step sets it too); FULL makes each commit durable before we answer 2xx.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
}

function openClients(): Clients {
  if (target.kind === "postgresql") {
    const client = createClient(target);
    return { target, read: client, write: client, ready: Promise.resolve(), writeLock: new Mutex(), writer: createWriter(target), aggregates: null };
  }
  // SQLite: @prisma/adapter-better-sqlite3 shares one connection between every query, and a
  // plain query from one request would run inside another request's open transaction (and be
  // rolled back with it). So writes get their own connection, taken by one holder at a time
  // (writeLock), and reads get a second connection that only ever sees committed data.
  const write = createClient(target);
  const read = createClient(target);
  const ready = prepareSqliteWriter(write);
  return { target, read, write, ready, writeLock: new Mutex(), writer: createWriter(target), aggregates: createSqliteAggregateReader(target.file) };
}

// One set of clients per process, opened on first use (never while `next build` loads
// modules), and kept across hot reloads in development.
const globalForDb = globalThis as unknown as { careDeskDb?: Clients };
const getClients = (): Clients => (globalForDb.careDeskDb ??= openClients());

export const databaseKind = target.kind;
export const databaseDescription = describeDatabase(target);

/** Runs read-only queries. Never use it to write: see writeTransaction. */
export async function readDb(): Promise<Db> {
  const clients = getClients();
  await clients.ready;
  return clients.read;
}

/**
 * Runs one read-only aggregate over many rows (counts per status, /insights' figures) and returns
 * its rows. On SQLite it runs on a read-only connection in a worker thread, so a count that takes
 * a few hundred milliseconds at a million rows does not stop every other request meanwhile (the
 * read connection's queries run on this thread); on PostgreSQL the server does the work anyway.
 * Integers come back as numbers on SQLite and as bigint (COUNT) on PostgreSQL: convert with Number().
 */
export async function readAggregate<T extends Record<string, unknown>>(query: Prisma.Sql): Promise<T[]> {
  const clients = getClients();
  await clients.ready;
  if (clients.aggregates) return clients.aggregates.all<T>(query.sql, query.values as SqlParam[]);
  return clients.read.$queryRaw<T[]>(query);
}

// Prisma's SQLite adapter opens a transaction with a plain (deferred) BEGIN. A transaction that
// reads before it writes then cannot wait for the write lock: when another process (the CLI, a
// migration) has committed since its first read, its first write fails at once with
// SQLITE_BUSY_SNAPSHOT ("Operation has timed out"), busy_timeout or not. A write that changes
// nothing, as the first statement (on a table of the first migration), takes the write lock up
// front, waiting busy_timeout for it, as the ingestion writer's BEGIN IMMEDIATE does.
const takeSqliteWriteLock = (tx: Tx) => tx.$executeRawUnsafe('UPDATE "Consultation" SET "id" = "id" WHERE 0');

/**
 * Runs `work` in one database transaction. On SQLite, transactions run one at a time (the
 * single write connection); on PostgreSQL they run concurrently and the database orders them.
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const clients = getClients();
  await clients.ready;
  if (clients.target.kind === "sqlite") {
    const locked = async (tx: Tx) => {
      await takeSqliteWriteLock(tx);
      return work(tx);
    };
    return clients.writeLock.run(() => clients.write.$transaction(locked, { timeout: 30_000, maxWait: 30_000 }));
  }
  return clients.write.$transaction(work, { timeout: 30_000, maxWait: 30_000 });
}

/**
 * Runs `work` in one transaction on the ingestion write connection (plain SQL, `?`
 * placeholders). On SQLite it shares writeTransaction's lock, so writes never interleave.
 */
export async function writeBatch<T>(work: (session: WriteSession) => Promise<T>): Promise<T> {
  const clients = getClients();
  await clients.ready;
  if (clients.target.kind === "sqlite") return clients.writeLock.run(() => clients.writer.transaction(work));
  return clients.writer.transaction(work);
}

export async function disconnectDb(): Promise<void> {
  const clients = globalForDb.careDeskDb;
  if (!clients) return;
  globalForDb.careDeskDb = undefined;
  await clients.writer.close();
  await clients.aggregates?.close();
  await clients.read.$disconnect();
  if (clients.write !== clients.read) await clients.write.$disconnect();
}
