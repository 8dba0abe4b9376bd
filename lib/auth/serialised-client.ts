// A Prisma client look-alike for better-auth's adapter and rate-limiter-flexible's store that
// keeps the project's SQLite write rule: @prisma/adapter-better-sqlite3 shares one connection,
// so a plain write from one request could run inside another request's open transaction and be
// rolled back with it. Reads (find*, count, aggregate) go to readDb(); every other model call
// and every $transaction runs inside writeTransaction (serialised on SQLite, a normal
// transaction on PostgreSQL).
import "server-only";
import { readDb, writeTransaction, type Db, type Tx } from "../db";

const readMethods = new Set(["findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "findMany", "count", "aggregate", "groupBy"]);

type Delegate = Record<string, (args?: unknown) => Promise<unknown>>;

function modelDelegate(model: string): Delegate {
  return new Proxy({} as Delegate, {
    get(_target, method) {
      if (typeof method !== "string" || method === "then") return undefined;
      if (readMethods.has(method)) {
        return async (args?: unknown) => {
          const db = (await readDb()) as unknown as Record<string, Delegate>;
          return db[model]![method]!(args);
        };
      }
      return (args?: unknown) =>
        writeTransaction(async (tx) => (tx as unknown as Record<string, Delegate>)[model]![method]!(args));
    },
  });
}

/**
 * The client handed to prismaAdapter and RateLimiterPrisma. Only the model delegates and
 * $transaction exist: raw queries and connection control stay with lib/db.
 */
export function createSerialisedClient(): Db {
  const delegates = new Map<string, Delegate>();
  return new Proxy({} as Db, {
    get(_target, property) {
      if (property === "$transaction") {
        return <T,>(work: (tx: Tx) => Promise<T>) => {
          if (typeof work !== "function") throw new Error("serialised client: only interactive $transaction(fn) is supported");
          return writeTransaction(work);
        };
      }
      // Not a thenable, and no generated data model to introspect (the drift test checks the schema).
      if (typeof property !== "string" || property === "then" || property.startsWith("$") || property.startsWith("_")) return undefined;
      let delegate = delegates.get(property);
      if (!delegate) delegates.set(property, (delegate = modelDelegate(property)));
      return delegate;
    },
  });
}
