// Feed subscriptions and polling: conditional GET with the stored validators, per-item
// outcomes, per-feed health, and exponential backoff for feeds that keep failing.
import { AppError } from "@/lib/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { decodeText } from "@/lib/ingest/decode-text";
import { fetchUrl } from "@/lib/ingest/fetch-url";
import { parseFeed, type TFeedItem } from "@/lib/ingest/parse-feed";
import { htmlToText } from "@/lib/ingest/sanitize-html";
import { fetchPage, storeArticlePage, storeArticleText, type TFetchedPage, type TIngestOptions } from "@/lib/ingest/pipeline";
import { IngestRun, describeError, type TRunSummary } from "@/lib/ingest/runs";

const DEFAULT_POLL_INTERVAL_MS = 15 * 60 * 1000;
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** A feed lists its newest items first; older ones were seen on earlier polls. */
const MAX_ITEMS_PER_POLL = 100;
/** Feed content shorter than this is a summary: the full text is fetched from the item's page. */
const FULL_TEXT_MIN_WORDS = 120;
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

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
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
      text = decodeText(response.bytes, response.headers.contentType).text;
      validators = { etag: response.headers.etag, lastModified: response.headers.lastModified };
    }
    const parsed = await parseFeed(text, { feedUrl: feed.url });
    for (const rejected of parsed.rejected) {
      await run.record({ url: null, title: rejected.guid, outcome: "failed", reason: rejected.reason, articleId: null });
    }
    const items = parsed.items.slice(0, MAX_ITEMS_PER_POLL);
    for (const item of items) {
      if (signal.aborted) throw new PollStoppedError(`stopped after ${run.items.length} item(s): ${abortReason(signal)}`);
      await ingestFeedItem(db, run, item, { feedId: feed.id, outlet: parsed.title || null }, options);
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

async function ingestFeedItem(db: PrismaClient, run: IngestRun, item: TFeedItem, context: { feedId: number | null; outlet: string | null }, options: TIngestOptions): Promise<void> {
  const url = item.url ?? (item.guid.startsWith("http") ? item.guid : null);
  try {
    if (!url) throw new Error("the item has no link, so it cannot be stored or shared");
    const canonical = canonicalizeUrl(url);
    const known = await db.article.findUnique({ where: { canonicalUrl: canonical }, select: { id: true } });
    const feedText = htmlToText(item.contentHtml ?? item.summary ?? "");
    const meta = { url, title: item.title || null, author: item.author, publishedAt: item.publishedAt, outlet: context.outlet, feedId: context.feedId };
    // Stored before and the feed offers no fuller text: nothing new to fetch.
    if (known && wordCount(feedText) < FULL_TEXT_MIN_WORDS) {
      await run.record({ url, title: item.title, outcome: "duplicate", reason: null, articleId: known.id });
      return;
    }
    const stored =
      wordCount(feedText) >= FULL_TEXT_MIN_WORDS
        ? await storeArticleText(db, feedText, meta)
        : await fetchPage(url, options)
            .then((page) => storeArticlePage(db, page, { ...meta, title: meta.title ?? undefined }))
            .catch(async (error: unknown) => {
              if (!feedText.trim() || options.fetch?.signal?.aborted) throw error;
              return storeArticleText(db, feedText, meta);
            });
    await run.record({ url, title: item.title, outcome: stored.outcome, reason: stored.note, articleId: stored.articleId });
  } catch (error) {
    await run.record({ url, title: item.title, outcome: "failed", reason: describeError(error), articleId: null });
  }
}

/** A feed document in hand (a file): its items are ingested without subscribing to anything. */
export async function ingestFeedText(db: PrismaClient, text: string, label: string, options: TIngestOptions): Promise<TRunSummary> {
  const run = await IngestRun.start(db, "feed", label);
  try {
    const parsed = await parseFeed(text);
    for (const rejected of parsed.rejected) {
      await run.record({ url: null, title: rejected.guid, outcome: "failed", reason: rejected.reason, articleId: null });
    }
    for (const item of parsed.items.slice(0, MAX_ITEMS_PER_POLL)) {
      await ingestFeedItem(db, run, item, { feedId: null, outlet: parsed.title || null }, options);
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
