// The door for a body in hand — a file (command line, admin upload) or the text of `POST /api/ingest`:
// a feed goes to the feed parser, an HTML page to the article reader, plain text is a paste. Markup
// that is neither a feed nor an article page (an XML bomb, a truncated feed with nothing left, a
// browser check, an error page) is refused with one line, and nothing is stored.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { classifyBody } from "@/lib/ingest/classify-body";
import { readArticleOffThread } from "@/lib/ingest/heavy-work";
import { FeedParseError, parseFeed } from "@/lib/ingest/parse-feed";
import { IngestInputError, ingestPaste, storeArticleText, type TIngestOptions } from "@/lib/ingest/pipeline";
import { ingestFeedText } from "@/lib/ingest/poll-feed";
import type { TReadableArticle } from "@/lib/ingest/readable-article";
import { hasDoctypeOrEntity } from "@/lib/ingest/repair-feed-xml";
import { IngestRun, describeError, type TRunSource, type TRunSummary } from "@/lib/ingest/runs";

export type TBodyInput = { text: string; label?: string; source?: TRunSource };

// A page read from a file has no address; the reader resolves its relative links against nothing.
const NO_ADDRESS = "about:blank";

export async function ingestBody(db: PrismaClient, input: TBodyInput, options: TIngestOptions): Promise<TRunSummary> {
  const label = input.label ?? "pasted text";
  switch (classifyBody(input.text, null)) {
    case "feed":
      await refuseUnreadableFeed(input.text, label);
      return ingestFeedText(db, input.text, label, options);
    case "html":
      return ingestHtmlPage(db, input.text, label);
    case "xml":
      throw new IngestInputError(
        hasDoctypeOrEntity(input.text)
          ? `${label} is XML with a DOCTYPE or ENTITY declaration, not a feed or an article page; refused, nothing stored`
          : `${label} is XML but not an RSS, Atom or JSON feed; refused, nothing stored`,
      );
    case "text":
      return ingestPaste(db, input.text, { label, ...(input.source ? { source: input.source } : {}) });
  }
}

/** A feed with nothing to read is refused before a run exists, like any bad input. */
async function refuseUnreadableFeed(text: string, label: string): Promise<void> {
  try {
    const parsed = await parseFeed(text);
    if (parsed.items.length === 0 && parsed.rejected.length === 0) {
      throw new IngestInputError(`${label} is a feed with no items left to read; nothing stored`);
    }
  } catch (error) {
    if (error instanceof FeedParseError) throw new IngestInputError(`${label} is not a readable feed: ${error.message}; nothing stored`);
    throw error;
  }
}

/** A saved article page: read like a fetched one, stored under the page's own canonical URL when it names one. */
async function ingestHtmlPage(db: PrismaClient, html: string, label: string): Promise<TRunSummary> {
  let article: TReadableArticle;
  try {
    article = await readArticleOffThread(html, NO_ADDRESS);
  } catch (error) {
    // Off the thread, the reader's error comes back as a plain Error carrying its name.
    if (error instanceof Error && error.name === "ReadArticleError") {
      throw new IngestInputError(`${label} is HTML but not an article page: ${error.message}; nothing stored`);
    }
    throw error;
  }
  const run = await IngestRun.start(db, "paste", label);
  const title = article.title ?? label;
  try {
    const stored = await storeArticleText(db, article.text, {
      url: article.canonicalUrl,
      title,
      author: article.byline,
      publishedAt: article.publishedAt,
      dateProblems: article.dateProblems,
      outlet: article.outlet,
      description: article.description,
    });
    await run.record({ url: article.canonicalUrl, title, outcome: stored.outcome, reason: stored.note, articleId: stored.articleId });
    return await run.finish();
  } catch (error) {
    await run.record({ url: article.canonicalUrl, title, outcome: "failed", reason: describeError(error), articleId: null });
    return run.finish(describeError(error));
  }
}
