// A small in-process cache for figures that are costly to compute and fine to show a few seconds
// old (/insights): per key, stale-while-revalidate. A request is answered from the cache while the
// entry is younger than `maxAgeMs`; once it is older than `refreshAfterMs` (or 20 times what it
// took to compute, whichever is longer, so a slow figure cannot keep a core busy) the request
// still gets the cached value and starts one recomputation in the background. At most one
// computation per key runs at a time (requests that need it wait for the same one), and at most
// `maxEntries` keys are kept (the least recently used goes first). Each process has its own
// cache: instances behind one database may each show figures of a slightly different age.
import "server-only";
import { log } from "../observability/log";

export type CachedValue<T> = { value: T; computedAt: Date; tookMs: number };

export type FiguresCache<T> = {
  /** The cached value for `key`, or `compute()`'s when there is none or it is too old. */
  get(key: string, compute: () => Promise<T>): Promise<CachedValue<T>>;
};

export type FiguresCacheOptions = { name: string; refreshAfterMs: number; maxAgeMs: number; maxEntries: number; now?: () => number };

export function createFiguresCache<T>({ name, refreshAfterMs, maxAgeMs, maxEntries, now = Date.now }: FiguresCacheOptions): FiguresCache<T> {
  const entries = new Map<string, CachedValue<T>>();
  const computing = new Map<string, Promise<CachedValue<T>>>();

  const remember = (key: string, entry: CachedValue<T>) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  const refresh = (key: string, compute: () => Promise<T>): Promise<CachedValue<T>> => {
    const running = computing.get(key);
    if (running) return running;
    const started = now();
    const next = compute()
      .then((value) => {
        const entry = { value, computedAt: new Date(now()), tookMs: now() - started };
        remember(key, entry);
        return entry;
      })
      .finally(() => computing.delete(key));
    computing.set(key, next);
    return next;
  };

  return {
    async get(key, compute) {
      const cached = entries.get(key);
      const age = cached ? now() - cached.computedAt.getTime() : Infinity;
      if (!cached || age > maxAgeMs) return refresh(key, compute);
      remember(key, cached);
      if (age > Math.max(refreshAfterMs, cached.tookMs * 20)) {
        refresh(key, compute).catch((error) => log.error({ err: error, cache: name }, "figures cache: background refresh failed"));
      }
      return cached;
    },
  };
}
