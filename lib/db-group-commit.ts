// Group commit, the one way the hot write paths (webhook ingestion, the audit trail) reach the
// database: items that arrive while a transaction is committing wait and go into the next one,
// so one transaction (and one fsync on SQLite) serves many callers, and each caller is answered
// only once its own rows are committed.
//
// A batch the database refuses is retried item by item, so one bad item (or a deadlock with
// another instance) does not fail the others and each caller gets its own honest answer.
// Transactions PostgreSQL aborted for a conflict are run again (isRetryableWriteError).
import "server-only";
import { writeBatch, type WriteSession } from "./db";
import { isRetryableWriteError } from "./db-writer";

export type GroupCommitOptions<Item, Result> = {
  /** At most this many items per transaction. */
  maxBatch: number;
  /** Writes the items in the open transaction; one result per item, in order. */
  commit: (session: WriteSession, items: Item[]) => Promise<Result[]>;
  /** After a batch committed (for metrics and logs). */
  onCommitted?: (batchSize: number, durationMs: number, stillQueued: number) => void;
  /** After a batch of several failed, before its items are retried one by one. */
  onBatchFailed?: (batchSize: number, error: unknown) => void;
};

export type GroupCommit<Item, Result> = {
  /** Queues an item; resolves with its result once committed. */
  submit(item: Item): Promise<Result>;
  /** Items waiting or being committed. */
  readonly queued: number;
};

type Job<Item, Result> = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };

const conflictAttempts = 3;

export function groupCommit<Item, Result>(options: GroupCommitOptions<Item, Result>): GroupCommit<Item, Result> {
  const queue: Job<Item, Result>[] = [];
  let committing = 0;
  let draining = false;

  async function commitNow(items: Item[]): Promise<Result[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeBatch((session) => options.commit(session, items));
      } catch (error) {
        if (attempt >= conflictAttempts || !isRetryableWriteError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      // Let the event loop run first: requests already on the wire reach the queue and share
      // this commit. (The SQLite driver is synchronous, so without this pause every commit would
      // hold exactly the one request that started it.)
      await new Promise((resolve) => setImmediate(resolve));
      while (queue.length > 0) {
        const jobs = queue.splice(0, options.maxBatch);
        committing = jobs.length;
        try {
          const started = performance.now();
          const results = await commitNow(jobs.map((job) => job.item));
          options.onCommitted?.(jobs.length, performance.now() - started, queue.length);
          jobs.forEach((job, i) => job.resolve(results[i]!));
        } catch (batchError) {
          if (jobs.length === 1) {
            jobs[0]!.reject(batchError);
            continue;
          }
          options.onBatchFailed?.(jobs.length, batchError);
          for (const job of jobs) {
            try {
              job.resolve((await commitNow([job.item]))[0]!);
            } catch (error) {
              job.reject(error);
            }
          }
        } finally {
          committing = 0;
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!draining) void drain();
      });
    },
    get queued() {
      return queue.length + committing;
    },
  };
}
