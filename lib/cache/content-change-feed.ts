// Follows the ContentChange table (written by database triggers in whatever process changes
// content: the server, the worker, `npm run ingest`, `npm run reextract`) and expires the tags it
// names in this process's "use cache" store (lib/cache/cache-handler.mjs). Polled every second, and
// caught up before a request reads the cache when the last poll is older than that.
import "server-only";
import { getDb } from "@/lib/db";

const POLL_MS = 1_000;
const PRUNE_EVERY_MS = 60_000;
/** The timeline may be served this many seconds stale while its replacement renders. */

type TTagStore = { updateTags(tags: string[], durations?: { expire?: number }): Promise<void> };
type TFeedRow = { txid: bigint | null; tags: string[] | null; horizon: bigint };

const HANDLER_KEY = Symbol.for("counterpoint.cache-handler");
const FEED_KEY = Symbol.for("counterpoint.content-change-feed");
type TGlobal = typeof globalThis & { [HANDLER_KEY]?: TTagStore; [FEED_KEY]?: ContentChangeFeed };

export class ContentChangeFeed {
  /** Transactions older than this had all finished when last read: their rows were seen. */
  private horizon: bigint | null = null;
  /** Rows of transactions at or past the horizon already applied (they may still be re-read). */
  private seen = new Set<bigint>();
  private lastPollAt = 0;
  private lastPruneAt = Date.now();
  private inFlight: Promise<string[]> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: () => TTagStore | undefined) {}

  start(): void {
    this.timer ??= setInterval(() => void this.poll().catch((error) => console.error("cache: change feed poll failed:", error)), POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Before a request reads the cache: poll unless a poll finished within the last second. */
  async catchUp(): Promise<void> {
    if (Date.now() - this.lastPollAt < POLL_MS && !this.inFlight) return;
    await this.poll().catch((error) => console.error("cache: change feed poll failed:", error));
  }

  /** Reads what changed since the last poll and expires it; resolves to the tags it expired. */
  poll(): Promise<string[]> {
    this.inFlight ??= this.readAndExpire().finally(() => {
      this.inFlight = null;
      this.lastPollAt = Date.now();
    });
    return this.inFlight;
  }

  /**
   * After a write of this process has committed: a poll that starts now, not one already running.
   * Resolves to what both expired, since the running one may have read the write's own change.
   */
  async pollAfterWrite(): Promise<string[]> {
    const running = (await this.inFlight?.catch(() => [])) ?? [];
    return [...new Set([...running, ...(await this.poll())])];
  }

  private async readAndExpire(): Promise<string[]> {
    const db = getDb();
    // The horizon is read in the same statement as the rows: a transaction below it had finished
    // before the rows were read, so its row (if it committed) is among them or was read earlier.
    const rows = await db.$queryRaw<TFeedRow[]>`
      WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon)
      SELECT c.txid, c.tags, h.horizon FROM h
      LEFT JOIN "ContentChange" c ON c.txid >= ${this.horizon ?? BigInt(Number.MAX_SAFE_INTEGER)}
      ORDER BY c.txid`;
    const horizon = rows[0]?.horizon ?? null;
    const fresh = rows.filter((row): row is TFeedRow & { txid: bigint; tags: string[] } => row.txid !== null && row.tags !== null && !this.seen.has(row.txid));
    // The first poll only sets the horizon: this process's cache was empty until now. Every tag,
    // the timeline's included, expires at once (served stale once, the timeline hid a fresh ingest).
    const expireNow = this.horizon === null ? [] : [...new Set(fresh.flatMap((row) => row.tags))];
    const store = this.store();
    if (store && expireNow.length) await store.updateTags(expireNow);
    for (const row of fresh) this.seen.add(row.txid);
    if (horizon !== null) {
      this.horizon = horizon;
      for (const txid of this.seen) if (txid < horizon) this.seen.delete(txid);
    }
    if (Date.now() - this.lastPruneAt > PRUNE_EVERY_MS) {
      this.lastPruneAt = Date.now();
      // Ten minutes: every live instance has read these rows hundreds of times over.
      await db.$executeRaw`DELETE FROM "ContentChange" WHERE "at" < now() - interval '10 minutes'`;
    }
    return expireNow;
  }
}

/** The process's one feed, started once (instrumentation.ts) and found by the cache handler. */
export function contentChangeFeed(): ContentChangeFeed {
  const scope = globalThis as TGlobal;
  const feed = (scope[FEED_KEY] ??= new ContentChangeFeed(() => scope[HANDLER_KEY]));
  feed.start();
  return feed;
}
