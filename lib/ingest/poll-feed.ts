// Feed subscriptions and polling: conditional GET with the stored validators, per-item
// outcomes, per-feed health, and exponential backoff for feeds that keep failing.
import { AppError } from "@/lib/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { fetchUrl } from "@/lib/ingest/fetch-url";
import { FEED_BATCH_SIZE, ingestFeedItems, type TFeedContext } from "@/lib/ingest/ingest-feed-item";
import { parseFeed, type TParsedFeed } from "@/lib/ingest/parse-feed";
import { fetchPage, type TFetchedPage, type TIngestOptions } from "@/lib/ingest/pipeline";
import { IngestRun, describeError, type TRunSummary } from "@/lib/ingest/runs";
import { textFromBytes } from "@/lib/ingest/text-from-bytes";

const DEFAULT_POLL_INTERVAL_MS = 15 * 60 * 1000;
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** A feed lists its newest items first; older ones were seen on earlier polls. */
const MAX_ITEMS_PER_POLL = 100;
/**
 * One feed's whole poll (the feed and every item page) ends by then, so a feed whose pages all
 * stall cannot hold up the feeds polled after it; items left over are fetched on the next poll.
 */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

/** Aborts when the caller's signal does or when this feed's poll budget runs out, saying which. */
function pollSignal(options: TIngestOptions): { signal: AbortSignal; done: () => void } {
  const budgetMs = options.pollBudgetMs ?? DEFAULT_POLL_BUDGET_MS;
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new Error(`the feed's poll ran out of its ${budgetMs} ms budget`)), budgetMs);
  const outer = options.fetch?.signal;
  return { signal: outer ? AbortSignal.any([budget.signal, outer]) : budget.signal, done: () => clearTimeout(timer) };
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : typeof reason === "string" ? reason : "aborted";
}

export async function subscribeFeed(db: PrismaClient, url: string): Promise<{ id: number; url: string }> {
  const canonical = canonicalizeUrl(url);
  const select = { id: true, url: true } as const;
  // ON CONFLICT DO NOTHING, then read: unlike upsert, safe when two subscriptions race.
  await db.feed.createMany({ data: [{ url: canonical }], skipDuplicates: true });
  return db.feed.findUniqueOrThrow({ where: { url: canonical }, select });
}

/**
 * Subscribes only to what answers as a feed now: a refused (private address), unreachable or
 * unparsable URL throws (a 422 at the HTTP edge) and nothing is stored. `prefetched` is a
 * response already in hand. Returns the feed and the response, for a first poll without refetching.
 */
export async function subscribeFetchedFeed(db: PrismaClient, url: string, options: TIngestOptions, prefetched?: TFetchedPage): Promise<{ feed: { id: number; url: string }; page: TFetchedPage }> {
  let page: TFetchedPage;
  try {
    page = prefetched ?? (await fetchPage(canonicalizeUrl(url), options));
    await parseFeed(page.text, { feedUrl: page.finalUrl });
  } catch (error) {
    throw new AppError("feed_unavailable", 422, `not subscribed to ${url}: ${describeError(error)}`);
  }
  return { feed: await subscribeFeed(db, url), page };
}

/** Subscribes (only if the feed could be fetched and parsed) and polls it; a failure is a failed run and no subscription. */
export async function subscribeAndPoll(db: PrismaClient, url: string, options: TIngestOptions, prefetched?: TFetchedPage): Promise<TRunSummary> {
  let subscribed: Awaited<ReturnType<typeof subscribeFetchedFeed>>;
  try {
    subscribed = await subscribeFetchedFeed(db, url, options, prefetched);
  } catch (error) {
    const run = await IngestRun.start(db, "feed", url);
    return run.finish(describeError(error));
  }
  return pollFeed(db, subscribed.feed.id, options, subscribed.page);
}

export function backoffDelay(consecutiveFailures: number, intervalMs = DEFAULT_POLL_INTERVAL_MS): number {
  return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.max(0, consecutiveFailures));
}

/** Polls one feed now. `prefetched` is a response already in hand (an "add URL" that was a feed). */
export async function pollFeed(db: PrismaClient, feedId: number, outerOptions: TIngestOptions, prefetched?: TFetchedPage): Promise<TRunSummary> {
  const feed = await db.feed.findUniqueOrThrow({ where: { id: feedId } });
  const run = await IngestRun.start(db, "feed", feed.url, feed.id);
  const now = new Date();
  const interval = outerOptions.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const { signal, done } = pollSignal(outerOptions);
  const options: TIngestOptions = { ...outerOptions, fetch: { ...outerOptions.fetch, signal } };
  try {
    let text: string;
    let validators: { etag: string | null; lastModified: string | null } = { etag: feed.etag, lastModified: feed.lastModified };
    if (prefetched) {
      text = prefetched.text;
    } else {
      const response = await fetchUrl(feed.url, { ...options.fetch, allowPrivateHosts: options.allowPrivateHosts, etag: feed.etag, lastModified: feed.lastModified });
      if (response.notModified) {
        await db.feed.update({
          where: { id: feed.id },
          data: { lastFetchedAt: now, lastSuccessAt: now, consecutiveFailures: 0, nextPollAt: new Date(now.getTime() + interval) },
        });
        return await run.finish();
      }
      text = textFromBytes(response.bytes, { contentType: response.headers.contentType, maxInflatedBytes: options.fetch?.maxBytes }).text;
      validators = { etag: response.headers.etag, lastModified: response.headers.lastModified };
    }
    const parsed = await parseFeed(text, { feedUrl: feed.url });
    for (const rejected of parsed.rejected) {
      await run.record({ url: null, title: rejected.guid, outcome: "failed", reason: rejected.reason, articleId: null });
    }
    const items = parsed.items.slice(0, MAX_ITEMS_PER_POLL);
    for (let from = 0; from < items.length; from += FEED_BATCH_SIZE) {
      const batch = items.slice(from, from + FEED_BATCH_SIZE);
      const stopped = () => new PollStoppedError(`stopped after ${run.items.length} item(s): ${abortReason(signal)}`);
      if (signal.aborted) throw stopped();
      // A batch stops early when the poll is stopped between two of its items.
      if ((await ingestFeedItems(db, run, batch, feedContext(parsed, feed.id, feed.url), options)) < batch.length) throw stopped();
    }
    const created = run.items.filter((item) => item.outcome === "new").length;
    const failedItems = run.items.filter((item) => item.outcome === "failed");
    await db.feed.update({
      where: { id: feed.id },
      data: {
        title: parsed.title || feed.title,
        siteUrl: parsed.siteUrl,
        etag: validators.etag,
        lastModified: validators.lastModified,
        lastFetchedAt: now,
        lastSuccessAt: now,
        consecutiveFailures: 0,
        lastError: failedItems.length ? `${failedItems.length} item(s) failed: ${failedItems[0]?.reason ?? ""}`.slice(0, 1000) : parsed.warnings.length ? `warnings: ${parsed.warnings.join("; ")}`.slice(0, 1000) : null,
        lastErrorAt: failedItems.length || parsed.warnings.length ? now : feed.lastErrorAt,
        itemsSeen: { increment: items.length },
        itemsNew: { increment: created },
        nextPollAt: new Date(now.getTime() + interval),
      },
    });
    return await run.finish();
  } catch (error) {
    const message = describeError(error);
    // An interrupted poll (shutdown, budget) says nothing about the feed's health: no backoff.
    const interrupted = outerOptions.fetch?.signal?.aborted === true;
    const failures = interrupted ? feed.consecutiveFailures : feed.consecutiveFailures + 1;
    await db.feed
      .update({
        where: { id: feed.id },
        data: { lastFetchedAt: now, lastError: message, lastErrorAt: now, consecutiveFailures: failures, nextPollAt: new Date(now.getTime() + backoffDelay(failures, interval)) },
      })
      .catch(async (updateError: unknown) => {
        // The run ends as failed even when recording the feed's health fails: never left "running".
        await run.finish(message);
        throw updateError;
      });
    return run.finish(message);
  } finally {
    done();
  }
}

/** A poll cut short (its budget ran out, or the process is stopping); items already stored stay. */
class PollStoppedError extends Error {
  override name = "PollStoppedError";
}

function feedContext(parsed: TParsedFeed, feedId: number | null, feedUrl: string | null): TFeedContext {
  return { feedId, outlet: parsed.title || null, siteUrl: parsed.siteUrl, scope: parsed.siteUrl || parsed.title || feedUrl || "untitled feed" };
}

/** A feed document in hand (a file): its items are ingested without subscribing to anything. */
export async function ingestFeedText(db: PrismaClient, text: string, label: string, options: TIngestOptions): Promise<TRunSummary> {
  const run = await IngestRun.start(db, "feed", label);
  try {
    const parsed = await parseFeed(text);
    for (const rejected of parsed.rejected) {
      await run.record({ url: null, title: rejected.guid, outcome: "failed", reason: rejected.reason, articleId: null });
    }
    const items = parsed.items.slice(0, MAX_ITEMS_PER_POLL);
    for (let from = 0; from < items.length; from += FEED_BATCH_SIZE) {
      await ingestFeedItems(db, run, items.slice(from, from + FEED_BATCH_SIZE), feedContext(parsed, null, null), options);
    }
    return await run.finish();
  } catch (error) {
    return run.finish(describeError(error));
  }
}

/** Polls every feed whose time has come; one failing feed does not stop the others. */
export async function pollDueFeeds(db: PrismaClient, options: TIngestOptions, all = false): Promise<TRunSummary[]> {
  const feeds = await db.feed.findMany({ where: all ? {} : { nextPollAt: { lte: new Date() } }, select: { id: true }, orderBy: { nextPollAt: "asc" } });
  const results: TRunSummary[] = [];
  for (const feed of feeds) {
    // Stopping (SIGTERM, server shutdown): finish nothing new; unpolled feeds stay due.
    if (options.fetch?.signal?.aborted) break;
    results.push(await pollFeed(db, feed.id, options));
  }
  return results;
}
