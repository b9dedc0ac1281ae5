// One feed item into an article, the way feed readers keep items: the item's page when it has one
// (its text fetched when the feed carries only a summary), the feed's own text when the page cannot
// be fetched or read (the article says so), and for an item with no link, the item itself under a
// stable key of its own.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { contentHash } from "@/lib/ingest/content-hash";
import { normalizeText } from "@/lib/ingest/normalize-text";
import type { TFeedItem } from "@/lib/ingest/parse-feed";
import { fetchPage, storeArticlePage, storeArticleText, type TArticleMeta, type TFetchedPage, type TIngestOptions } from "@/lib/ingest/pipeline";
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

/** Stores one item and records its outcome on the run; a failure is that item's alone. */
export async function ingestFeedItem(db: PrismaClient, run: IngestRun, item: TFeedItem, context: TFeedContext, options: TIngestOptions): Promise<void> {
  const feedText = htmlToText(item.contentHtml ?? item.summary ?? "");
  const meta: TArticleMeta = {
    url: item.url,
    title: item.title || null,
    author: item.author,
    publishedAt: item.publishedAt,
    outlet: context.outlet,
    feedId: context.feedId,
    siteUrl: context.siteUrl,
  };
  try {
    const result = item.url ? await storeLinkedItem(db, item.url, feedText, meta, options) : await storeLinklessItem(db, item, feedText, meta, context);
    await run.record({ url: item.url, title: item.title, outcome: result.outcome, reason: result.note, articleId: result.articleId });
  } catch (error) {
    await run.record({ url: item.url, title: item.title, outcome: "failed", reason: describeError(error), articleId: null });
  }
}

/** The key a link-less item keeps across polls and doors: its feed and guid (a guid-less item's guid is a hash of its words). */
export function feedItemKey(scope: string, guid: string): string {
  return contentHash(`feed-item\n${scope}\n${guid}`);
}

async function storeLinklessItem(db: PrismaClient, item: TFeedItem, feedText: string, meta: TArticleMeta, context: TFeedContext): Promise<TItemResult> {
  if (!feedText.trim()) throw new Error("the item has no link and no text of its own: there is nothing to store");
  const note = "From the feed item itself: it links to no page.";
  const key = feedItemKey(context.scope, item.guid);
  // Polled again unchanged: known without extracting it again (the text is hashed as storing would).
  const unchanged = await db.article.findFirst({ where: { feedItemKey: key, contentHash: contentHash(normalizeText(feedText)) }, select: { id: true } });
  if (unchanged) return { outcome: "duplicate", articleId: unchanged.id, note };
  const stored = await storeArticleText(db, feedText, { ...meta, url: null, feedItemKey: key, textNote: note });
  return { outcome: stored.outcome, articleId: stored.articleId, note: withStoreNote(note, stored.note) };
}

async function storeLinkedItem(db: PrismaClient, url: string, feedText: string, meta: TArticleMeta, options: TIngestOptions): Promise<TItemResult> {
  if (wordCount(feedText) >= FULL_TEXT_MIN_WORDS) {
    const stored = await storeArticleText(db, feedText, meta);
    return { outcome: stored.outcome, articleId: stored.articleId, note: stored.note };
  }
  const known = await db.article.findUnique({ where: { canonicalUrl: canonicalizeUrl(url) }, select: { id: true, textNote: true } });
  // Stored from its page before: nothing new to fetch. Stored from the feed's text: try the page again.
  if (known && !known.textNote) return { outcome: "duplicate", articleId: known.id, note: null };

  const fallBack = async (problem: string, error: unknown): Promise<TItemResult> => {
    if (options.fetch?.signal?.aborted) throw error;
    const reason = `the page could not be ${problem}: ${describeError(error)}`;
    if (!feedText.trim()) throw new Error(`${reason}; the feed gives no text for the item either`);
    // Feed text this short (under FULL_TEXT_MIN_WORDS) is a summary, whichever element carried it.
    const note = `From the feed's summary; ${reason}`;
    // Still unreachable: the copy from the feed's text stays as it is.
    if (known) return { outcome: "duplicate", articleId: known.id, note };
    const stored = await storeArticleText(db, feedText, { ...meta, textNote: note });
    return { outcome: stored.outcome, articleId: stored.articleId, note: withStoreNote(note, stored.note) };
  };

  let page: TFetchedPage;
  try {
    page = await fetchPage(url, options);
  } catch (error) {
    return fallBack("fetched", error);
  }
  try {
    const stored = await storeArticlePage(db, page, { ...meta, title: meta.title ?? undefined });
    return { outcome: stored.outcome, articleId: stored.articleId, note: stored.note };
  } catch (error) {
    return fallBack("read", error);
  }
}
