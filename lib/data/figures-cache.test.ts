import { describe, expect, it } from "vitest";
import { createFiguresCache } from "./figures-cache";

/** A cache on a clock the test moves; `compute` counts its calls and can be held open. */
function setUp(options: { refreshAfterMs?: number; maxAgeMs?: number; maxEntries?: number } = {}) {
  let clock = 1_000_000;
  const cache = createFiguresCache<string>({ name: "test", refreshAfterMs: 10_000, maxAgeMs: 60_000, maxEntries: 10, ...options, now: () => clock });
  const calls: string[] = [];
  const compute = (key: string) => async () => {
    calls.push(key);
    return `${key}#${calls.filter((call) => call === key).length}`;
  };
  return { cache, calls, compute, advance: (ms: number) => (clock += ms) };
}

describe("createFiguresCache", () => {
  it("serves a value from the cache until it is due for a refresh", async () => {
    const { cache, calls, compute, advance } = setUp();
    expect((await cache.get("a", compute("a"))).value).toBe("a#1");
    advance(9_000);
    expect((await cache.get("a", compute("a"))).value).toBe("a#1");
    expect(calls).toEqual(["a"]);
  });

  it("answers with the stale value while one refresh runs in the background, then with the new one", async () => {
    const { cache, calls, compute, advance } = setUp();
    await cache.get("a", compute("a"));
    advance(11_000);
    let finish: (value: string) => void = () => {};
    const held = () => {
      calls.push("a (held)");
      return new Promise<string>((resolve) => (finish = resolve));
    };
    expect((await cache.get("a", held)).value).toBe("a#1");
    expect((await cache.get("a", held)).value).toBe("a#1");
    expect(calls).toEqual(["a", "a (held)"]);
    finish("a#2");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await cache.get("a", compute("a"))).value).toBe("a#2");
  });

  it("waits for a fresh value once the cached one is older than maxAgeMs", async () => {
    const { cache, compute, advance } = setUp();
    await cache.get("a", compute("a"));
    advance(61_000);
    expect((await cache.get("a", compute("a"))).value).toBe("a#2");
  });

  it("runs one computation per key however many requests wait for it", async () => {
    const { cache, calls, compute } = setUp();
    const values = await Promise.all([cache.get("a", compute("a")), cache.get("a", compute("a")), cache.get("b", compute("b"))]);
    expect(values.map((entry) => entry.value)).toEqual(["a#1", "a#1", "b#1"]);
    expect(calls).toEqual(["a", "b"]);
  });

  it("keeps at most maxEntries keys, dropping the least recently used", async () => {
    const { cache, calls, compute } = setUp({ maxEntries: 2 });
    await cache.get("a", compute("a"));
    await cache.get("b", compute("b"));
    await cache.get("a", compute("a")); // a is now the most recent
    await cache.get("c", compute("c")); // b goes
    await cache.get("a", compute("a"));
    expect(calls).toEqual(["a", "b", "c"]);
    expect((await cache.get("b", compute("b"))).value).toBe("b#2");
  });

  it("keeps the stale value when a background refresh fails, and fails a request that must wait", async () => {
    const { cache, compute, advance } = setUp();
    await cache.get("a", compute("a"));
    advance(11_000);
    const failing = async () => {
      throw new Error("database gone");
    };
    expect((await cache.get("a", failing)).value).toBe("a#1");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await cache.get("a", failing)).value).toBe("a#1");
    advance(50_000);
    await expect(cache.get("a", failing)).rejects.toThrow("database gone");
  });
});
