// The one ingestion pipeline behind every door (command line, admin page, API, feed poller,
// first-start examples): get text → extract → store each document in its own transaction,
// recording every item's outcome on an ingest run. Reading pages and extracting run on worker
// threads (lib/ingest/heavy-work), each item within a time and size budget.
import { AppError } from "@/lib/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TDocument, TExtraction } from "@/lib/extract/types";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { contentHash } from "@/lib/ingest/content-hash";
import { fetchUrl, type TFetchOptions } from "@/lib/ingest/fetch-url";
import { extractArticleOffThread, extractOffThread, readArticleOffThread } from "@/lib/ingest/heavy-work";
import { storeDocumentBatch } from "@/lib/ingest/store-batch";
import { insertPairs, storeDocument, type TDocumentToStore, type TStoredDocument } from "@/lib/ingest/store-document";
import { IngestRun, describeError, type TRunSource, type TRunSummary } from "@/lib/ingest/runs";
import { classifyBody } from "@/lib/ingest/classify-body";
import { normalizeText } from "@/lib/ingest/normalize-text";
import { textFromBytes } from "@/lib/ingest/text-from-bytes";
import { choosePublicationDate, dateInDateline } from "@/lib/ingest/publication-date";
import { describeNonText } from "@/lib/ingest/text-quality";
import { hostNameOf } from "@/lib/host-name";

/** `fetch.signal` interrupts every fetch of the ingest; `pollBudgetMs` bounds one feed's whole poll (feed and item pages). */
export type TIngestOptions = { allowPrivateHosts: boolean; pollIntervalMs?: number; pollBudgetMs?: number; fetch?: Partial<TFetchOptions> };

/** Input the pipeline refuses; a 422 with its message at the HTTP edge. */
export class IngestInputError extends AppError {
  override name = "IngestInputError";
  constructor(message: string) {
    super("invalid_input", 422, message);
  }
}

export const MAX_PASTE_CHARS = 2_000_000;

/** Rejects what is not text worth extracting, with a message a user can act on. */
export function validatePastedText(text: string): string {
  if (text.includes("\u0000")) throw new IngestInputError("the text contains NUL bytes: is it a binary file?");
  if (text.length > MAX_PASTE_CHARS) throw new IngestInputError(`the text is longer than ${MAX_PASTE_CHARS.toLocaleString("en")} characters`);
  if (text.trim().length === 0) throw new IngestInputError("the text is empty");
  const notText = describeNonText(text);
  if (notText) throw new IngestInputError(notText);
  return text;
}

/** Moves a document found in a larger text to coordinates of its own slice. */
export function rebaseDocument(document: TDocument, offset: number): TDocument {
  const span = <T extends { start: number; end: number }>(value: T): T => ({ ...value, start: value.start - offset, end: value.end - offset });
  return {
    ...document,
    span: span(document.span),
    speakers: document.speakers.map((speaker) => ({ ...speaker, mentions: speaker.mentions.map(span) })),
    statements: document.statements.map((statement) => ({
      ...statement,
      span: span(statement.span),
      cue: statement.cue ? span(statement.cue) : null,
      source: statement.source ? span(statement.source) : null,
    })),
    countries: document.countries.map((country) => ({ ...country, mentions: country.mentions.map(span) })),
  };
}

function fallbackTitle(text: string): string {
  const line = text.split("\n").map((value) => value.trim()).find((value) => value.length > 0) ?? "Untitled";
  return line.length > 120 ? `${line.slice(0, 117).replace(/\s+\S*$/, "")}…` : line;
}

/** Pasted text: each document found becomes its own article, linked as coming from one paste. */
export async function ingestPaste(db: PrismaClient, rawText: string, options: { label?: string; source?: TRunSource } = {}): Promise<TRunSummary> {
  const text = validatePastedText(normalizeText(rawText));
  const run = await IngestRun.start(db, options.source ?? "paste", options.label ?? `pasted text (${text.length} characters)`);
  try {
    const extraction = await extractOffThread(text);
    const hash = contentHash(text);
    // ON CONFLICT DO NOTHING, then read: unlike upsert, safe when two ingesters paste the same text at once.
    await db.paste.createMany({ data: [{ contentHash: hash, text }], skipDuplicates: true });
    const paste = await db.paste.findUniqueOrThrow({ where: { contentHash: hash }, select: { id: true } });
    await storeDocuments(db, run, text, extraction, { pasteId: paste.id });
    return await run.finish();
  } catch (error) {
    return run.finish(describeError(error));
  }
}

type TDocumentContext = { pasteId?: number; feedId?: number | null };

async function storeDocuments(db: PrismaClient, run: IngestRun, text: string, extraction: TExtraction, context: TDocumentContext): Promise<void> {
  const linked = linkedDocuments(extraction);
  const stored = new Map<number, TStoredDocument>();
  for (const [index, found] of extraction.documents.entries()) {
    const document = rebaseDocument(found, found.span.start);
    const docText = text.slice(found.span.start, found.span.end);
    const title = document.title ?? (document.kind === "comment" && document.author ? `Comment by ${document.author}` : fallbackTitle(docText));
    try {
      const partner = [...(linked.get(index) ?? [])].map((other) => stored.get(other)).find(Boolean);
      // A paste has no metadata: its date is the one the extraction was given, or its dateline's.
      const date = choosePublicationDate([
        { source: "the given date", raw: document.publishedAt },
        { source: "the dateline", raw: dateInDateline(docText) },
      ]);
      const result = await storeDocument(db, {
        text: docText,
        title,
        kind: document.kind,
        outlet: document.outlet,
        outletDomain: null,
        author: document.author,
        publishedAt: date.date,
        dateProblems: date.problems,
        description: null,
        canonicalUrl: null,
        sourceUrl: null,
        feedId: context.feedId ?? null,
        pasteId: context.pasteId ?? null,
        pastePosition: index,
        storyId: partner?.storyId ?? null,
        documents: [document],
      });
      stored.set(index, result);
      await run.record({ url: null, title, outcome: result.outcome, reason: result.note, articleId: result.articleId });
    } catch (error) {
      await run.record({ url: null, title, outcome: "failed", reason: describeError(error), articleId: null });
    }
  }
  // Pairs across documents (a reader's comment rebutting a quoted politician) once all are stored.
  const allIds = new Map([...stored.values()].flatMap((result) => [...result.statementIds]));
  await db.$transaction((tx) => insertPairs(tx, extraction.documents, allIds));
}

/** Documents joined by a pair across them, by index. */
function linkedDocuments(extraction: TExtraction): Map<number, Set<number>> {
  const owner = new Map<string, number>();
  extraction.documents.forEach((document, index) => document.statements.forEach((statement) => owner.set(statement.id, index)));
  const links = new Map<number, Set<number>>();
  for (const pair of extraction.documents.flatMap((document) => document.pairs)) {
    const a = owner.get(pair.claimId);
    const b = owner.get(pair.responseId);
    if (a === undefined || b === undefined || a === b) continue;
    links.set(a, (links.get(a) ?? new Set()).add(b));
    links.set(b, (links.get(b) ?? new Set()).add(a));
  }
  return links;
}

export type TArticleMeta = {
  /** The article's page; null for a feed item with no link (then `feedItemKey` identifies it) or a page read from a file that names no URL of its own. */
  url: string | null;
  feedItemKey?: string | null;
  /** Where the text came from when it is not the page's own (shown on the permalink). */
  textNote?: string | null;
  /** The outlet's site, for its domain when there is no article URL. */
  siteUrl?: string | null;
  title?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
  /** Dates the source stated that were dropped, with why. */
  dateProblems?: string[];
  outlet?: string | null;
  description?: string | null;
  feedId?: number | null;
};


/** Stores one article's plain text (from a page or a feed item) as one Article. */
export async function storeArticleText(db: PrismaClient, text: string, meta: TArticleMeta): Promise<TStoredDocument> {
  return storeDocument(db, await extractArticle(text, meta));
}

export type TArticleText = { text: string; meta: TArticleMeta };
/** One article's outcome in a batch: stored, or failed with a reason the run records. */
export type TArticleOutcome = { ok: true; stored: TStoredDocument } | { ok: false; reason: string };
export type TExtractedArticle = { ok: true; document: TDocumentToStore } | { ok: false; reason: string };

/**
 * Stores several articles' plain texts: extracted side by side on the heavy-work threads, then
 * written in one transaction (lib/ingest/store-batch). One outcome per article, in order: a bad
 * article fails alone.
 */
export async function storeArticleTexts(db: PrismaClient, articles: TArticleText[]): Promise<TArticleOutcome[]> {
  return storeExtractedArticles(db, await extractArticles(articles));
}

/** The extraction half of storeArticleTexts, so a caller can extract the next batch while this one is written. */
export async function extractArticles(articles: TArticleText[]): Promise<TExtractedArticle[]> {
  const settled = await Promise.allSettled(articles.map(({ text, meta }) => extractArticle(text, meta)));
  return settled.map((result) => (result.status === "fulfilled" ? { ok: true, document: result.value } : { ok: false, reason: describeError(result.reason) }));
}

/** The writing half of storeArticleTexts: one batch, then the one "after commit" point for what it stored. */
export async function storeExtractedArticles(db: PrismaClient, extracted: TExtractedArticle[]): Promise<TArticleOutcome[]> {
  const documents = extracted.flatMap((item) => (item.ok ? [item.document] : []));
  const stored = documents.length ? await storeDocumentBatch(db, documents) : [];
  // After commit: every article of the batch that was stored (new, updated or duplicate) is in `stored`.
  let next = 0;
  return extracted.map((item): TArticleOutcome => {
    if (!item.ok) return item;
    const outcome = stored[next++];
    if (!outcome) return { ok: false, reason: "the article was not stored" };
    return outcome.ok ? outcome : { ok: false, reason: describeError(outcome.error) };
  });
}

/** An article's text checked, normalized and extracted (off the event loop), ready to store. */
async function extractArticle(text: string, meta: TArticleMeta): Promise<TDocumentToStore> {
  const clean = validatePastedText(normalizeText(text));
  const canonicalUrl = meta.url ? canonicalizeUrl(meta.url) : null;
  const outletDomain = hostNameOf(canonicalUrl ?? meta.siteUrl);
  const { extraction, keys } = await extractArticleOffThread(clean, {
    // A page's main text or a feed item is one article: its subheads never start another document.
    oneArticle: true,
    ...(canonicalUrl ? { url: canonicalUrl } : {}),
    ...(meta.outlet ? { outlet: meta.outlet } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt.toISOString() } : {}),
  });
  const first = extraction.documents[0];
  return {
    text: clean,
    title: meta.title?.trim() || first?.title || fallbackTitle(clean),
    kind: "article",
    outlet: meta.outlet ?? first?.outlet ?? outletDomain,
    outletDomain,
    feedItemKey: meta.feedItemKey ?? null,
    textNote: meta.textNote ?? null,
    author: meta.author ?? first?.author ?? null,
    publishedAt: meta.publishedAt ?? null,
    dateProblems: meta.dateProblems ?? [],
    description: meta.description ?? null,
    canonicalUrl,
    sourceUrl: meta.url,
    feedId: meta.feedId ?? null,
    pasteId: null,
    pastePosition: null,
    storyId: null,
    documents: extraction.documents,
    keys,
  };
}

export type TFetchedPage = { finalUrl: string; contentType: string | null; text: string };

export async function fetchPage(url: string, options: TIngestOptions): Promise<TFetchedPage> {
  const result = await fetchUrl(url, { ...options.fetch, allowPrivateHosts: options.allowPrivateHosts });
  if (result.notModified) throw new IngestInputError(`${url} answered 304 Not Modified to an unconditional request`);
  const decoded = textFromBytes(result.bytes, { contentType: result.headers.contentType, maxInflatedBytes: options.fetch?.maxBytes });
  return { finalUrl: result.finalUrl, contentType: result.headers.contentType, text: decoded.text };
}

/** Reads an HTML page (off the event loop) into the text and facts to store. */
export async function articleFromPage(page: TFetchedPage, overrides: Partial<TArticleMeta> = {}): Promise<TArticleText & { title: string }> {
  const article = await readArticleOffThread(page.text, page.finalUrl);
  const title = overrides.title || article.title || fallbackTitle(article.text);
  const meta: TArticleMeta = {
    url: article.canonicalUrl ?? page.finalUrl,
    title,
    author: overrides.author ?? article.byline,
    // A feed item's own date wins; the page's dropped dates matter only when the page's date is used.
    publishedAt: overrides.publishedAt ?? article.publishedAt,
    dateProblems: overrides.publishedAt ? [] : article.dateProblems,
    outlet: overrides.outlet ?? article.outlet,
    description: article.description,
    feedId: overrides.feedId ?? null,
  };
  return { text: article.text, meta, title };
}

/** Reads an HTML page and stores its main text. */
export async function storeArticlePage(db: PrismaClient, page: TFetchedPage, overrides: Partial<TArticleMeta> = {}): Promise<TStoredDocument & { title: string }> {
  const { text, meta, title } = await articleFromPage(page, overrides);
  return { ...(await storeArticleText(db, text, meta)), title };
}

/** An article URL; when the URL turns out to be a feed, it is subscribed to and polled instead. */
export async function ingestUrl(db: PrismaClient, url: string, options: TIngestOptions): Promise<TRunSummary> {
  const [summary] = await ingestUrls(db, [canonicalizeUrl(url)], options);
  if (!summary) throw new Error(`${url} was not ingested`);
  return summary;
}

type TUrlInHand = { done: TRunSummary } | { run: IngestRun; url: string; article: TArticleText & { title: string } };

/**
 * Several article URLs, each with a run of its own: pages fetched and read side by side, the
 * articles written in one batch. A URL that is a feed is subscribed to and polled instead.
 */
export async function ingestUrls(db: PrismaClient, urls: string[], options: TIngestOptions): Promise<TRunSummary[]> {
  const inHand = await Promise.all(urls.map((url) => readUrl(db, url, options)));
  const articles = inHand.flatMap((item) => ("article" in item ? [item] : []));
  const outcomes = await storeArticleTexts(db, articles.map((item) => item.article));
  const stored = new Map(articles.map((item, index) => [item, outcomes[index]]));
  const summaries: TRunSummary[] = [];
  for (const item of inHand) {
    if ("done" in item) {
      summaries.push(item.done);
      continue;
    }
    const outcome = stored.get(item) ?? { ok: false, reason: "the article was not stored" };
    if (outcome.ok) {
      await item.run.record({ url: item.url, title: item.article.title, outcome: outcome.stored.outcome, reason: outcome.stored.note, articleId: outcome.stored.articleId });
      summaries.push(await item.run.finish());
    } else {
      await item.run.record({ url: item.url, title: null, outcome: "failed", reason: outcome.reason, articleId: null });
      summaries.push(await item.run.finish(outcome.reason));
    }
  }
  return summaries;
}

/** One URL fetched and read; its run is already finished when there is nothing to store (a failure, a feed). */
async function readUrl(db: PrismaClient, url: string, options: TIngestOptions): Promise<TUrlInHand> {
  let canonical = url;
  let page: TFetchedPage;
  try {
    canonical = canonicalizeUrl(url);
    page = await fetchPage(canonical, options);
  } catch (error) {
    const run = await IngestRun.start(db, "url", canonical);
    await run.record({ url: canonical, title: null, outcome: "failed", reason: describeError(error), articleId: null });
    return { done: await run.finish(describeError(error)) };
  }
  const kind = classifyBody(page.text, page.contentType);
  if (kind === "feed") {
    const { subscribeAndPoll } = await import("@/lib/ingest/poll-feed");
    return { done: await subscribeAndPoll(db, page.finalUrl, options, page) };
  }
  const run = await IngestRun.start(db, "url", canonical);
  try {
    if (kind === "xml") throw new IngestInputError("the page is XML but not an RSS, Atom or JSON feed, nor an article page");
    return { run, url: canonical, article: await articleFromPage(page) };
  } catch (error) {
    await run.record({ url: canonical, title: null, outcome: "failed", reason: describeError(error), articleId: null });
    return { done: await run.finish(describeError(error)) };
  }
}
