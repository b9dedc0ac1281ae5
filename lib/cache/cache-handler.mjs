// The "use cache" store of one server process: entries in memory up to a byte budget (least
// recently used go first), expired by tag. Plain JavaScript because Next imports this file at run
// time without bundling it (next.config.ts `cacheHandlers`). Other instances' writes reach it
// through the change feed (lib/cache/content-change-feed.ts), which finds it on globalThis.

const HANDLER_KEY = Symbol.for("counterpoint.cache-handler");
const FEED_KEY = Symbol.for("counterpoint.content-change-feed");

const DEFAULT_BUDGET_MB = 128;
// An entry never outlives its cacheLife `expire` (lib/cache/content-tags.ts: 1 hour), so a tag
// invalidated longer ago than this can no longer matter and is forgotten.
const TAG_MEMORY_MS = 2 * 60 * 60 * 1000;

function budgetBytes() {
  const megabytes = Number(process.env.CACHE_MAX_MEMORY_MB ?? DEFAULT_BUDGET_MB);
  return Number.isFinite(megabytes) && megabytes >= 0 ? megabytes * 1024 * 1024 : DEFAULT_BUDGET_MB * 1024 * 1024;
}

function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** A store holding at most `maxBytes` of entries (exported for its tests). */
export function createCacheHandler(maxBytes) {
  /** cacheKey → { entry (without value), bytes, size }; Map order is recency order. */
  const entries = new Map();
  const pendingSets = new Map();
  /** tag → { stale, expired } in epoch milliseconds. */
  const tagTimes = new Map();
  let usedBytes = 0;
  let lastTagSweep = Date.now();

  function forget(cacheKey) {
    const held = entries.get(cacheKey);
    if (!held) return;
    entries.delete(cacheKey);
    usedBytes -= held.size;
  }

  function sweepOldTags(now) {
    if (now - lastTagSweep < 60_000) return;
    lastTagSweep = now;
    for (const [tag, times] of tagTimes) {
      if (now - Math.max(times.stale, times.expired) > TAG_MEMORY_MS) tagTimes.delete(tag);
    }
  }

  return {
    usage: () => ({ entries: entries.size, bytes: usedBytes, maxBytes, tags: tagTimes.size }),

    async get(cacheKey) {
      const pending = pendingSets.get(cacheKey);
      if (pending) await pending;
      const held = entries.get(cacheKey);
      if (!held) return undefined;
      const now = Date.now();
      const { entry } = held;
      // Past `revalidate` an in-memory entry is dropped rather than served stale: warming a
      // replacement in the background is wasted work for a store that may evict it first.
      if (now > entry.timestamp + entry.revalidate * 1000) {
        forget(cacheKey);
        return undefined;
      }
      let revalidate = entry.revalidate;
      for (const tag of entry.tags) {
        const times = tagTimes.get(tag);
        if (!times) continue;
        if (times.expired > entry.timestamp && times.expired <= now) {
          forget(cacheKey);
          return undefined;
        }
        // Stale by tag: served once more while Next renders its replacement.
        if (times.stale > entry.timestamp) revalidate = -1;
      }
      entries.delete(cacheKey);
      entries.set(cacheKey, held);
      return { ...entry, revalidate, value: streamOf(held.bytes) };
    },

    async set(cacheKey, pendingEntry) {
      let release = () => {};
      pendingSets.set(cacheKey, new Promise((resolve) => (release = resolve)));
      try {
        const entry = await pendingEntry;
        // An `expire: 0` entry is request-specific: Next never serves it back.
        if (entry.expire === 0) return;
        const bytes = new Uint8Array(await new Response(entry.value).arrayBuffer());
        const size = bytes.byteLength + cacheKey.length;
        forget(cacheKey);
        if (size > maxBytes) return;
        const metadata = { ...entry };
        delete metadata.value;
        entries.set(cacheKey, { entry: metadata, bytes, size });
        usedBytes += size;
        for (const oldest of entries.keys()) {
          if (usedBytes <= maxBytes) break;
          forget(oldest);
        }
      } catch {
        // A value that failed while rendering is not kept; the next request renders it again.
      } finally {
        release();
        pendingSets.delete(cacheKey);
      }
    },

    // Called by Next before a request's first cache read: catch up with the change feed so a
    // change another process committed a moment ago is never served stale.
    async refreshTags() {
      await globalThis[FEED_KEY]?.catchUp();
    },

    async getExpiration(tags) {
      let latest = 0;
      for (const tag of tags) latest = Math.max(latest, tagTimes.get(tag)?.expired ?? 0);
      return latest;
    },

    async updateTags(tags, durations) {
      const now = Date.now();
      for (const tag of tags) {
        const times = tagTimes.get(tag) ?? { stale: 0, expired: 0 };
        if (durations) {
          times.stale = now;
          if (durations.expire !== undefined) times.expired = now + durations.expire * 1000;
        } else {
          times.expired = now;
        }
        tagTimes.set(tag, times);
      }
      sweepOldTags(now);
    },
  };
}

// Next may import this file from more than one bundle: every copy shares the one store.
const handler = (globalThis[HANDLER_KEY] ??= createCacheHandler(budgetBytes()));

export default handler;
