// One feed item into an article, the way feed readers keep items: the item's page when it has one
// (its text fetched when the feed carries only a summary), the feed's own text when the page cannot
// be fetched or read (the article says so), and for an item with no link, the item itself under a
// stable key of its own. A poll's items go through in batches: one transaction for a batch's articles.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { contentHash } from "@/lib/ingest/content-hash";
import { normalizeText } from "@/lib/ingest/normalize-text";
import type { TFeedItem } from "@/lib/ingest/parse-feed";
import {
  articleFromPage,
  fetchPage,
  storeArticleText,
  storeArticleTexts,
  type TArticleMeta,
  type TArticleOutcome,
  type TArticleText,
  type TFetchedPage,
  type TIngestOptions,
} from "@/lib/ingest/pipeline";
import { describeError, type IngestRun } from "@/lib/ingest/runs";
import { htmlToText } from "@/lib/ingest/sanitize-html";
import type { TStoreOutcome } from "@/lib/ingest/store-document";

/** Feed content shorter than this is a summary: the full text is fetched from the item's page. */
export const FULL_TEXT_MIN_WORDS = 120;

export type TFeedContext = {
  feedId: number | null;
  /** The feed's title, used as the outlet's name. */
  outlet: string | null;
  siteUrl: string | null;
  /** What names the feed wherever it comes from (file or subscription): its site, else its title, else its URL. */
  scope: string;
};

type TItemResult = { outcome: TStoreOutcome; articleId: number; note: string | null };

/** Where the text came from, and what storing it noted (a dropped date), as one reason line. */
function withStoreNote(note: string, storeNote: string | null): string {
  return storeNote ? `${note} ${storeNote}` : note;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Items resolved, extracted and stored together: their articles are written in one transaction. */
export const FEED_BATCH_SIZE = 25;

/**
 * What an item comes to before anything is stored: known already (a result), or an article to
 * store, with what to do instead when storing it fails (the feed's own text for an unreadable page).
 */
type TItemPlan =
  | { result: TItemResult }
  | { article: TArticleText; note: string | null; fallBack: ((error: unknown) => Promise<TItemResult>) | null };

/**
 * Stores a batch of items and records each one's outcome on the run, in order: their pages fetched
 * one after another (one feed is usually one site, and the poll's budget is checked between
 * pages), their texts extracted on the heavy-work threads and written in one transaction
 * (lib/ingest/store-batch). A failure is that item's alone. When the poll is stopped (its budget,
 * a shutdown), the items not reached are left for the next poll. Returns how many items were reached.
 */
export async function ingestFeedItems(db: PrismaClient, run: IngestRun, items: TFeedItem[], context: TFeedContext, options: TIngestOptions): Promise<number> {
  const plans: (TItemPlan | { error: unknown })[] = [];
  for (const item of items) {
    if (options.fetch?.signal?.aborted) break;
    try {
      plans.push(await planItem(db, item, context, options));
    } catch (error) {
      plans.push({ error });
    }
  }
  const toStore = plans.flatMap((plan) => ("article" in plan ? [plan] : []));
  const stored = await storeArticleTexts(db, toStore.map((plan) => plan.article));
  const outcomes = new Map(toStore.map((plan, k) => [plan, stored[k]]));
  for (const [index, plan] of plans.entries()) {
    const item = items[index]!;
    try {
      const result = await settleItem(plan, "article" in plan ? outcomes.get(plan) : undefined);
      await run.record({ url: item.url, title: item.title, outcome: result.outcome, reason: result.note, articleId: result.articleId });
    } catch (error) {
      await run.record({ url: item.url, title: item.title, outcome: "failed", reason: describeError(error), articleId: null });
    }
  }
  return plans.length;
}

/** An item's result from its plan and, for an article, the batch's outcome for it (falling back when it failed). */
async function settleItem(plan: TItemPlan | { error: unknown }, outcome: TArticleOutcome | undefined): Promise<TItemResult> {
  if ("error" in plan) throw plan.error;
  if ("result" in plan) return plan.result;
  if (outcome?.ok) return { outcome: outcome.stored.outcome, articleId: outcome.stored.articleId, note: plan.note === null ? outcome.stored.note : withStoreNote(plan.note, outcome.stored.note) };
  const error = new Error(outcome?.reason ?? "the article was not stored");
  if (plan.fallBack) return plan.fallBack(error);
  throw error;
}

function itemMeta(item: TFeedItem, context: TFeedContext): TArticleMeta {
  return {
    url: item.url,
    title: item.title || null,
    author: item.author,
    publishedAt: item.publishedAt,
    outlet: context.outlet,
    feedId: context.feedId,
    siteUrl: context.siteUrl,
  };
}

async function planItem(db: PrismaClient, item: TFeedItem, context: TFeedContext, options: TIngestOptions): Promise<TItemPlan> {
  const feedText = htmlToText(item.contentHtml ?? item.summary ?? "");
  const meta = itemMeta(item, context);
  return item.url ? planLinkedItem(db, item.url, feedText, meta, options) : planLinklessItem(db, item, feedText, meta, context);
}

/** The key a link-less item keeps across polls and doors: its feed and guid (a guid-less item's guid is a hash of its words). */
export function feedItemKey(scope: string, guid: string): string {
  return contentHash(`feed-item\n${scope}\n${guid}`);
}

async function planLinklessItem(db: PrismaClient, item: TFeedItem, feedText: string, meta: TArticleMeta, context: TFeedContext): Promise<TItemPlan> {
  if (!feedText.trim()) throw new Error("the item has no link and no text of its own: there is nothing to store");
  const note = "From the feed item itself: it links to no page.";
  const key = feedItemKey(context.scope, item.guid);
  // Polled again unchanged: known without extracting it again (the text is hashed as storing would).
  const unchanged = await db.article.findFirst({ where: { feedItemKey: key, contentHash: contentHash(normalizeText(feedText)) }, select: { id: true } });
  if (unchanged) return { result: { outcome: "duplicate", articleId: unchanged.id, note } };
  return { article: { text: feedText, meta: { ...meta, url: null, feedItemKey: key, textNote: note } }, note, fallBack: null };
}

async function planLinkedItem(db: PrismaClient, url: string, feedText: string, meta: TArticleMeta, options: TIngestOptions): Promise<TItemPlan> {
  if (wordCount(feedText) >= FULL_TEXT_MIN_WORDS) return { article: { text: feedText, meta }, note: null, fallBack: null };
  const known = await db.article.findUnique({ where: { canonicalUrl: canonicalizeUrl(url) }, select: { id: true, textNote: true } });
  // Stored from its page before: nothing new to fetch. Stored from the feed's text: try the page again.
  if (known && !known.textNote) return { result: { outcome: "duplicate", articleId: known.id, note: null } };

  const fallBack = async (problem: string, error: unknown): Promise<TItemResult> => {
    if (options.fetch?.signal?.aborted) throw error;
    const reason = `the page could not be ${problem}: ${describeError(error)}`;
    if (!feedText.trim()) throw new Error(`${reason}; the feed gives no text for the item either`);
    // Feed text this short (under FULL_TEXT_MIN_WORDS) is a summary, whichever element carried it.
    const note = `From the feed's summary; ${reason}`;
    // Still unreachable: the copy from the feed's text stays as it is.
    if (known) return { outcome: "duplicate", articleId: known.id, note };
    // The rare path (a page that cannot be read), stored alone.
    const stored = await storeArticleText(db, feedText, { ...meta, textNote: note });
    return { outcome: stored.outcome, articleId: stored.articleId, note: withStoreNote(note, stored.note) };
  };

  let page: TFetchedPage;
  try {
    page = await fetchPage(url, options);
  } catch (error) {
    return { result: await fallBack("fetched", error) };
  }
  try {
    const { text, meta: pageMeta } = await articleFromPage(page, { ...meta, title: meta.title ?? undefined });
    // A short page that says less than the feed's own summary (its story drawn by script, a teaser
    // left in the HTML) is not the fuller text: the feed's is kept, marked.
    const pageWords = wordCount(text);
    if (pageWords < wordCount(feedText)) {
      return { result: await fallBack("read in full", new Error(`it holds ${pageWords} words, fewer than the feed's summary`)) };
    }
    return { article: { text, meta: pageMeta }, note: null, fallBack: (error) => fallBack("read", error) };
  } catch (error) {
    return { result: await fallBack("read", error) };
  }
}
