// Stores one extracted document as an Article with its speakers, statements, pairs and
// countries, in one transaction. Dedup is enforced twice: looked up first (canonical URL,
// content hash, near-duplicate fingerprint), and by the unique keys when two writers race.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TDocument, TStatement } from "@/lib/extract/types";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { similarity, textKeys, NEAR_DUPLICATE_THRESHOLD, type TTextKeys } from "@/lib/ingest/near-duplicate";
import { quoteKey } from "@/lib/ingest/quote-key";
import { slugify } from "@/lib/ingest/slugify";
import { assignStory } from "@/lib/ingest/assign-story";
import { checkPlausibleDate } from "@/lib/ingest/publication-date";
import { upsertOutlet, upsertSpeakers } from "@/lib/ingest/store-entities";
import { reapplyAfterRewrite } from "@/lib/review/reapply-corrections";

type Tx = Prisma.TransactionClient;

export type TDocumentToStore = {
  /** The article's own text; every offset in `documents` points into it. */
  text: string;
  title: string;
  kind: "article" | "comment" | "unknown";
  outlet: string | null;
  outletDomain: string | null;
  author: string | null;
  publishedAt: Date | null;
  /** Dates the source stated and the reader dropped, with why: reported on the stored item. */
  dateProblems?: string[];
  description: string | null;
  canonicalUrl: string | null;
  /** A link-less feed item's stable key: like the canonical URL, it finds the item's earlier copy. */
  feedItemKey?: string | null;
  /** Where the text came from when not from the article's own page (shown on the permalink). */
  textNote?: string | null;
  sourceUrl: string | null;
  feedId: number | null;
  pasteId: number | null;
  pastePosition: number | null;
  /** Story to join instead of searching (documents of one paste answering each other). */
  storyId: number | null;
  /** Extraction results for this text (usually one document; a page may hold several). */
  documents: TDocument[];
  /** The text's dedup keys when already computed off the writing thread (they must be `textKeys(text)`). */
  keys?: TTextKeys;
};

export type TStoreOutcome = "new" | "duplicate" | "updated";

export type TStoredDocument = {
  outcome: TStoreOutcome;
  articleId: number;
  storyId: number;
  /** Extraction statement id → Statement.id, also for duplicates (so pairs across documents still link). */
  statementIds: Map<string, number>;
  /** What the run should say about a stored item: the dates dropped from it, or null. */
  note: string | null;
};

// Shorter texts share too many shingles by chance to call them copies of each other.
export const NEAR_DUPLICATE_MIN_WORDS = 80;

/** A document checked and keyed for storing: its plausible date, its note, its hash and fingerprint. */
export type TPreparedDocument = { input: TDocumentToStore; note: string | null; hash: string; print: string; bands: string[] };

export function prepareDocument(given: TDocumentToStore): TPreparedDocument {
  // The last check before the database: whatever the door, an implausible date is dropped, never an insert error.
  const verdict = given.publishedAt ? checkPlausibleDate(given.publishedAt, "the publication date") : null;
  const dateProblems = [...(given.dateProblems ?? []), ...(verdict?.problem ? [verdict.problem] : [])];
  const input = { ...given, publishedAt: verdict?.date ?? null };
  const note = dateProblems.length ? `date dropped: ${dateProblems.join("; ")}` : null;
  const { hash, print, bands } = given.keys ?? textKeys(input.text);
  return { input, note, hash, print, bands };
}

export const TRANSACTION_LIMITS = { timeout: 30_000, maxWait: 30_000 } as const;

export async function storeDocument(db: PrismaClient, given: TDocumentToStore): Promise<TStoredDocument> {
  const { input, note, hash, print, bands } = prepareDocument(given);
  const attempt = () => db.$transaction((tx) => storeInTransaction(tx, input, hash, print, bands), TRANSACTION_LIMITS);
  try {
    return { ...(await attempt()), note };
  } catch (error) {
    // A concurrent writer won the race on a unique key: run again, now it is found as a duplicate.
    if (isUniqueViolation(error)) return { ...(await attempt()), note };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

type TStoredInTransaction = Omit<TStoredDocument, "note">;

async function storeInTransaction(tx: Tx, input: TDocumentToStore, hash: string, print: string, bands: string[]): Promise<TStoredInTransaction> {
  // One look-up answers both "this URL (or link-less feed item) is known" and "this exact text is known".
  const itemKey = input.feedItemKey ?? null;
  const known = await tx.article.findMany({
    where: {
      OR: [
        { contentHash: hash },
        ...(input.canonicalUrl ? [{ canonicalUrl: input.canonicalUrl }] : []),
        ...(itemKey ? [{ feedItemKey: itemKey }] : []),
      ],
    },
    select: { id: true, contentHash: true, storyId: true, canonicalUrl: true, feedItemKey: true },
  });
  const byUrl =
    known.find((row) => (input.canonicalUrl !== null && row.canonicalUrl === input.canonicalUrl) || (itemKey !== null && row.feedItemKey === itemKey)) ?? null;
  const sameText = known.find((row) => row.contentHash === hash);
  if (sameText) return duplicateOf(tx, sameText.id, sameText.storyId, input);
  if (!byUrl) {
    const existing = await findNearDuplicate(tx, input.text, print, bands);
    if (existing) return duplicateOf(tx, existing.id, existing.storyId, input);
  }

  const outletId = input.outlet ? await upsertOutlet(tx, input.outlet, input.outletDomain) : null;
  const speakers = input.documents.flatMap((document) => document.speakers);
  const speakerIds = await upsertSpeakers(tx, speakers, input.text);
  const statements = input.documents.flatMap((document) => document.statements);
  const keys = statements.map((statement) => quoteKey(statement.text));
  const sortAt = input.publishedAt ?? new Date();

  const storyId = byUrl
    ? byUrl.storyId
    : (input.storyId ?? (await assignStory(tx, { title: input.title, sortAt, quoteKeys: keys, statements })));

  const fields = articleFields(input, { hash, print, bands, sortAt, outletId });
  let articleId: number;
  if (byUrl) {
    // The same URL with new text: the article was updated at its source. Its old statements go.
    await tx.statement.deleteMany({ where: { articleId: byUrl.id } });
    await tx.countryMention.deleteMany({ where: { articleId: byUrl.id } });
    await tx.article.update({ where: { id: byUrl.id }, data: fields });
    articleId = byUrl.id;
  } else {
    const created = await tx.article.create({
      data: { ...fields, storyId, canonicalUrl: input.canonicalUrl, feedItemKey: itemKey, slug: articleSlug(input.title, hash) },
      select: { id: true },
    });
    articleId = created.id;
  }

  const statementIds = await insertStatements(tx, articleId, statements, keys, speakerIds);
  await insertPairs(tx, input.documents, statementIds);
  await insertCountries(tx, articleId, input.documents);
  // Editors' corrections outlive the rows they corrected (an updated page, a merged speaker).
  await reapplyAfterRewrite(tx, articleId);
  // Both follow-up writes in one round trip: the search vector, and the story's time span.
  await tx.$executeRaw`WITH indexed AS (
      UPDATE "Article" SET "searchVector" =
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
      WHERE id = ${articleId} RETURNING id)
    UPDATE "Story" SET "latestAt" = GREATEST("latestAt", ${sortAt}), "firstAt" = LEAST("firstAt", ${sortAt})
    WHERE id = ${storyId} AND EXISTS (SELECT 1 FROM indexed)`;
  return { outcome: byUrl ? "updated" : "new", articleId, storyId, statementIds };
}

/** The Article columns a prepared document fills (the same for a new article and an updated one). */
export function articleFields(input: TDocumentToStore, keys: TTextKeys & { sortAt: Date; outletId: number | null }) {
  return {
    title: input.title,
    description: input.description,
    kind: input.kind,
    outletId: keys.outletId,
    author: input.author,
    publishedAt: input.publishedAt,
    sortAt: keys.sortAt,
    text: input.text,
    contentHash: keys.hash,
    fingerprint: keys.print,
    nearBands: keys.bands,
    sourceUrl: input.sourceUrl,
    textNote: input.textNote ?? null,
    feedId: input.feedId,
    pasteId: input.pasteId,
    pastePosition: input.pastePosition,
    extractorVersion: EXTRACTOR_VERSION,
  };
}

export function articleSlug(title: string, hash: string): string {
  return `${slugify(title, 70)}-${hash.slice(0, 8)}`;
}

/** Whether a text is long enough for the near-duplicate check to mean anything. */
export function isNearDuplicateCandidate(text: string, bands: string[]): boolean {
  return bands.length > 0 && text.split(/\s+/).length >= NEAR_DUPLICATE_MIN_WORDS;
}

/** The best stored look-alike among candidates, or null when none is close enough. */
export function closestNearDuplicate<T extends { id: number; storyId: number; fingerprint: string }>(print: string, candidates: T[]): (T & { score: number }) | null {
  let best: (T & { score: number }) | null = null;
  for (const candidate of candidates) {
    const score = similarity(print, candidate.fingerprint);
    if (score >= NEAR_DUPLICATE_THRESHOLD && (!best || score > best.score)) best = { ...candidate, score };
  }
  return best;
}

async function findNearDuplicate(tx: Tx, text: string, print: string, bands: string[]) {
  if (!isNearDuplicateCandidate(text, bands)) return null;
  const candidates = await tx.$queryRaw<{ id: number; storyId: number; fingerprint: string }[]>`
    SELECT id, "storyId", fingerprint FROM "Article" WHERE "nearBands" && ${bands}::text[] LIMIT 50`;
  return closestNearDuplicate(print, candidates);
}

async function duplicateOf(tx: Tx, articleId: number, storyId: number, input: TDocumentToStore): Promise<TStoredInTransaction> {
  const stored = await tx.statement.findMany({ where: { articleId }, select: { id: true, start: true, end: true, quoteKey: true } });
  return { outcome: "duplicate", articleId, storyId, statementIds: matchStoredStatements(stored, input) };
}

export type TStoredStatementKey = { id: number; start: number; end: number; quoteKey: string };

/** A duplicate still reports its statement ids, matched by position (or quote) in the stored copy. */
export function matchStoredStatements(stored: TStoredStatementKey[], input: TDocumentToStore): Map<string, number> {
  const byOffsets = new Map(stored.map((row) => [`${row.start}:${row.end}`, row.id]));
  const byQuote = new Map(stored.map((row) => [row.quoteKey, row.id]));
  const statementIds = new Map<string, number>();
  for (const statement of input.documents.flatMap((document) => document.statements)) {
    const id = byOffsets.get(`${statement.span.start}:${statement.span.end}`) ?? byQuote.get(quoteKey(statement.text));
    if (id !== undefined) statementIds.set(statement.id, id);
  }
  return statementIds;
}

/** The Statement columns an extracted statement maps to (the bench's bulk loader writes the same). */
export function statementColumns(statement: TStatement, key: string) {
  return {
    mode: statement.mode,
    text: statement.text,
    start: statement.span.start,
    end: statement.span.end,
    cueText: statement.cue?.text ?? null,
    cueStart: statement.cue?.start ?? null,
    cueEnd: statement.cue?.end ?? null,
    sourceStart: statement.source?.start ?? null,
    sourceEnd: statement.source?.end ?? null,
    confidence: statement.confidence,
    quoteKey: key,
  };
}

export async function insertStatements(
  tx: Tx,
  articleId: number,
  statements: TStatement[],
  keys: string[],
  speakerIds: Map<string, number>,
): Promise<Map<string, number>> {
  const entry = { articleId, statements, keys, speakerIds };
  // One article through the ORM, whose errors read better ("Database error …") than a raw query's.
  const rows = statements.length
    ? await tx.statement.createManyAndReturn({ data: statementRows([entry]), skipDuplicates: true, select: { id: true, articleId: true, start: true, end: true } })
    : [];
  return statementIdsByArticle([entry], rows)[0] ?? new Map();
}

function statementRows(articles: TArticleStatements[]) {
  return articles.flatMap(({ articleId, statements, keys, speakerIds }) =>
    statements.map((statement, index) => ({
      articleId,
      speakerId: statement.speakerId ? (speakerIds.get(statement.speakerId) ?? null) : null,
      ...statementColumns(statement, keys[index] ?? quoteKey(statement.text)),
    })),
  );
}

/** Extraction statement id → Statement.id, per article, from the inserted rows. */
function statementIdsByArticle(articles: TArticleStatements[], inserted: { id: number; articleId: number; start: number; end: number }[]): Map<string, number>[] {
  const byOffsets = new Map(inserted.map((row) => [`${row.articleId}:${row.start}:${row.end}`, row.id]));
  return articles.map(({ articleId, statements }) => {
    const ids = new Map<string, number>();
    for (const statement of statements) {
      const id = byOffsets.get(`${articleId}:${statement.span.start}:${statement.span.end}`);
      if (id !== undefined) ids.set(statement.id, id);
    }
    return ids;
  });
}

export type TArticleStatements = { articleId: number; statements: TStatement[]; keys: string[]; speakerIds: Map<string, number> };

/** Every article's statements in one insert (columns as arrays: one statement whatever the count); one extraction statement id → Statement.id map per article. */
export async function insertStatementsOfArticles(tx: Tx, articles: TArticleStatements[]): Promise<Map<string, number>[]> {
  const rows = statementRows(articles);
  // Rows travel as one JSON value: array parameters cannot carry the nulls (no speaker, no cue) in place.
  const inserted = rows.length
    ? await tx.$queryRaw<{ id: number; articleId: number; start: number; end: number }[]>`
        INSERT INTO "Statement" ("articleId", "speakerId", mode, text, start, "end", "cueText", "cueStart", "cueEnd", "sourceStart", "sourceEnd", confidence, "quoteKey")
        SELECT "articleId", "speakerId", mode, text, start, "end", "cueText", "cueStart", "cueEnd", "sourceStart", "sourceEnd", confidence, "quoteKey"
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r("articleId" int, "speakerId" int, mode "StatementMode", text text, start int, "end" int,
          "cueText" text, "cueStart" int, "cueEnd" int, "sourceStart" int, "sourceEnd" int, confidence float8, "quoteKey" text)
        ON CONFLICT DO NOTHING
        RETURNING id, "articleId", start, "end"`
    : [];
  return statementIdsByArticle(articles, inserted);
}

/** Pairs whose two statements are both known; the rest are linked later across documents. */
export async function insertPairs(tx: Tx, documents: TDocument[], statementIds: Map<string, number>): Promise<number> {
  return insertPairRows(tx, pairRows(documents, statementIds));
}

/** Pairs of any number of articles in one statement; returns how many were new. */
export async function insertPairRows(tx: Tx, rows: ReturnType<typeof pairRows>): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`INSERT INTO "Pair" ("claimId", "responseId", relation, confidence)
    SELECT * FROM unnest(${rows.map((row) => row.claimId)}::int[], ${rows.map((row) => row.responseId)}::int[],
      ${rows.map((row) => row.relation)}::"Relation"[], ${rows.map((row) => row.confidence)}::float8[])
    ON CONFLICT DO NOTHING`;
}

export function pairRows(documents: TDocument[], statementIds: Map<string, number>) {
  return documents
    .flatMap((document) => document.pairs)
    .flatMap((pair) => {
      const claimId = statementIds.get(pair.claimId);
      const responseId = statementIds.get(pair.responseId);
      if (claimId === undefined || responseId === undefined || claimId === responseId) return [];
      return [{ claimId, responseId, relation: pair.relation, confidence: pair.confidence }];
    });
}

export async function insertCountries(tx: Tx, articleId: number, documents: TDocument[]): Promise<void> {
  await insertCountryRows(tx, countryRows(articleId, documents));
}

/** Country mentions of any number of articles in one statement. */
export async function insertCountryRows(tx: Tx, rows: ReturnType<typeof countryRows>): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`INSERT INTO "CountryMention" ("articleId", code, count)
    SELECT * FROM unnest(${rows.map((row) => row.articleId)}::int[], ${rows.map((row) => row.code)}::text[], ${rows.map((row) => row.count)}::int[])
    ON CONFLICT DO NOTHING`;
}

export function countryRows(articleId: number, documents: TDocument[]) {
  const counts = new Map<string, number>();
  for (const mention of documents.flatMap((document) => document.countries)) {
    counts.set(mention.code, (counts.get(mention.code) ?? 0) + Math.max(1, mention.mentions.length));
  }
  return [...counts].map(([code, count]) => ({ articleId, code, count }));
}
