// The "use cache" store: bounded by its byte budget (least recently used entries go first), an
// entry whose tag expired is a miss, and one whose tag went stale is served once more for refresh.
import type { CacheEntry } from "next/cache";
import { describe, expect, it } from "vitest";
import { createCacheHandler } from "@/lib/cache/cache-handler.mjs";

function entry(bytes: number, tags: string[], timestamp = Date.now()): Promise<CacheEntry> {
  const value = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes).fill(7));
      controller.close();
    },
  });
  return Promise.resolve({ value, tags, stale: 30, timestamp, expire: 3600, revalidate: 300 });
}

async function bytesOf(found: CacheEntry | undefined): Promise<number | undefined> {
  return found ? (await new Response(found.value).arrayBuffer()).byteLength : undefined;
}

describe("the cache store", () => {
  it("serves what it stored, and again (each read gets its own copy)", async () => {
    const store = createCacheHandler(10_000);
    await store.set("a", entry(100, ["timeline"]));
    expect(await bytesOf(await store.get("a", []))).toBe(100);
    expect(await bytesOf(await store.get("a", []))).toBe(100);
  });

  it("never holds more than its budget: the least recently read entry goes first", async () => {
    const store = createCacheHandler(2_500);
    await store.set("a", entry(1_000, []));
    await store.set("b", entry(1_000, []));
    await store.get("a", []);
    await store.set("c", entry(1_000, []));
    expect(store.usage().bytes).toBeLessThanOrEqual(2_500);
    expect(await store.get("b", [])).toBeUndefined();
    expect(await bytesOf(await store.get("a", []))).toBe(1_000);
    expect(await bytesOf(await store.get("c", []))).toBe(1_000);
  });

  it("refuses an entry bigger than the whole budget, and stores nothing with a zero budget", async () => {
    const small = createCacheHandler(500);
    await small.set("big", entry(1_000, []));
    expect(await small.get("big", [])).toBeUndefined();
    const none = createCacheHandler(0);
    await none.set("a", entry(10, []));
    expect(none.usage().entries).toBe(0);
  });

  it("misses an entry once one of its tags expired, and keeps the others", async () => {
    const store = createCacheHandler(10_000);
    await store.set("article", entry(10, ["article:1", "story:1"], Date.now() - 10));
    await store.set("other", entry(10, ["article:2"], Date.now() - 10));
    await store.updateTags(["story:1"]);
    expect(await store.get("article", [])).toBeUndefined();
    expect(await bytesOf(await store.get("other", []))).toBe(10);
  });

  it("serves an entry whose tag went stale once more, marked for a refresh", async () => {
    const store = createCacheHandler(10_000);
    await store.set("timeline", entry(10, ["timeline"], Date.now() - 10));
    await store.updateTags(["timeline"], { expire: 60 });
    const found = await store.get("timeline", []);
    expect(found?.revalidate).toBe(-1);
    await store.set("timeline", entry(10, ["timeline"], Date.now() + 1));
    expect((await store.get("timeline", []))?.revalidate).toBe(300);
  });
});
