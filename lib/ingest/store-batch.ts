// Stores several extracted documents in one transaction: a few multi-row statements for the whole
// batch instead of a dozen round trips per article. Outcomes stay per document and match storing
// them one by one, in order: a batch that fails is retried (a concurrent writer won a race) and then
// stored document by document, so a bad document fails alone. Documents the batch cannot settle by
// itself (an update of a stored URL, a second copy within the batch) are stored one by one after it.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { newStoryRow, storyQuoteKeys, storyWindow } from "@/lib/ingest/assign-story";
import { quoteKey } from "@/lib/ingest/quote-key";
import { similarity, NEAR_DUPLICATE_THRESHOLD } from "@/lib/ingest/near-duplicate";
import {
  TRANSACTION_LIMITS,
  articleFields,
  articleSlug,
  closestNearDuplicate,
  countryRows,
  insertCountryRows,
  insertPairRows,
  insertStatementsOfArticles,
  isNearDuplicateCandidate,
  matchStoredStatements,
  pairRows,
  prepareDocument,
  storeDocument,
  type TDocumentToStore,
  type TPreparedDocument,
  type TStoredDocument,
} from "@/lib/ingest/store-document";
import { outletSlug, upsertOutlet, upsertSpeakersOfArticles } from "@/lib/ingest/store-entities";
import { foldMergedSpeakersOf } from "@/lib/review/reapply-corrections";

type Tx = Prisma.TransactionClient;

export type TBatchOutcome = { ok: true; stored: TStoredDocument } | { ok: false; error: unknown };

/** Tries of the whole batch before it is stored document by document. */
const BATCH_ATTEMPTS = 3;
/** Look-alike candidates read per document (as when stored alone). */
const NEAR_DUPLICATE_CANDIDATES = 50;

/** Stores `documents`, returning one outcome per document, in their order. Never throws for one document's failure. */
export async function storeDocumentBatch(db: PrismaClient, documents: TDocumentToStore[]): Promise<TBatchOutcome[]> {
  const outcomes: TBatchOutcome[] = [];
  const prepared: TPreparedDocument[] = [];
  const positions: number[] = [];
  documents.forEach((document, index) => {
    try {
      prepared.push(prepareDocument(document));
      positions.push(index);
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  });
  const together = new Set(settledTogether(prepared));
  const batch = prepared.filter((_, index) => together.has(index));
  const stored = batch.length ? await storeTogether(db, batch) : null;
  let next = 0;
  prepared.forEach((document, index) => {
    if (!together.has(index)) return;
    const result = stored?.[next++];
    if (result) outcomes[positions[index]!] = { ok: true, stored: { ...result, note: document.note } };
  });
  // The rest in order, each in its own transaction, as the one-by-one path would.
  for (const [index, document] of documents.entries()) {
    if (outcomes[index]) continue;
    try {
      outcomes[index] = { ok: true, stored: await storeDocument(db, document) };
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  }
  return outcomes;
}

/** Indexes of the documents that do not depend on an earlier one of the batch (same text, URL, item or a near copy). */
function settledTogether(documents: TPreparedDocument[]): number[] {
  const hashes = new Set<string>();
  const keys = new Set<string>();
  const taken: TPreparedDocument[] = [];
  const indexes: number[] = [];
  documents.forEach((document, index) => {
    const { input, hash, print, bands } = document;
    const ownKeys = [input.canonicalUrl && `url:${input.canonicalUrl}`, input.feedItemKey && `item:${input.feedItemKey}`].filter((key): key is string => Boolean(key));
    const nearCopy =
      isNearDuplicateCandidate(input.text, bands) &&
      taken.some((other) => other.bands.some((band) => bands.includes(band)) && similarity(print, other.print) >= NEAR_DUPLICATE_THRESHOLD);
    if (hashes.has(hash) || ownKeys.some((key) => keys.has(key)) || nearCopy) return;
    hashes.add(hash);
    for (const key of ownKeys) keys.add(key);
    taken.push(document);
    indexes.push(index);
  });
  return indexes;
}

function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const original = meta?.driverAdapterError?.cause?.originalCode;
  // Unique violation (a concurrent writer stored the same row first), deadlock, serialization failure.
  return code === "P2002" || code === "P2034" || original === "23505" || original === "40P01" || original === "40001";
}

type TSettled = Omit<TStoredDocument, "note"> | null;

/** The batch in one transaction, retried on a write conflict; null when it still fails (then each document goes alone). */
async function storeTogether(db: PrismaClient, batch: TPreparedDocument[]): Promise<TSettled[] | null> {
  for (let attempt = 1; attempt <= BATCH_ATTEMPTS; attempt += 1) {
    try {
      return await db.$transaction((tx) => storeBatchInTransaction(tx, batch), TRANSACTION_LIMITS);
    } catch (error) {
      if (!isWriteConflict(error)) return null;
    }
  }
  return null;
}

/** One entry per document: stored (new or duplicate), or null for a stored URL with new text (stored alone afterwards). */
async function storeBatchInTransaction(tx: Tx, batch: TPreparedDocument[]): Promise<TSettled[]> {
  const results: TSettled[] = batch.map(() => null);
  const duplicates = await findDuplicates(tx, batch);
  const fresh: number[] = [];
  batch.forEach((_, index) => {
    const found = duplicates.get(index);
    if (found === undefined) fresh.push(index);
    else if (found !== "updated") results[index] = { outcome: "duplicate", articleId: found.id, storyId: found.storyId, statementIds: new Map() };
  });
  const duplicateIds = [...duplicates.values()].flatMap((found) => (found === "updated" ? [] : [found.id]));
  if (duplicateIds.length) {
    const stored = await tx.statement.findMany({ where: { articleId: { in: duplicateIds } }, select: { id: true, articleId: true, start: true, end: true, quoteKey: true } });
    results.forEach((result, index) => {
      if (result) result.statementIds = matchStoredStatements(stored.filter((row) => row.articleId === result.articleId), batch[index]!.input);
    });
  }
  if (fresh.length) {
    const created = await insertNewArticles(tx, fresh.map((index) => batch[index]!));
    fresh.forEach((index, k) => (results[index] = created[k]!));
  }
  return results;
}

type TFound = { id: number; storyId: number } | "updated";

/** Documents already stored (same text, or a near copy), and stored URLs with new text ("updated"), by batch index. */
async function findDuplicates(tx: Tx, batch: TPreparedDocument[]): Promise<Map<number, TFound>> {
  const urls = batch.flatMap(({ input }) => (input.canonicalUrl ? [input.canonicalUrl] : []));
  const itemKeys = batch.flatMap(({ input }) => (input.feedItemKey ? [input.feedItemKey] : []));
  const known = await tx.$queryRaw<{ id: number; contentHash: string; storyId: number; canonicalUrl: string | null; feedItemKey: string | null }[]>`
    SELECT id, "contentHash", "storyId", "canonicalUrl", "feedItemKey" FROM "Article"
    WHERE "contentHash" = ANY(${batch.map(({ hash }) => hash)}::text[]) OR "canonicalUrl" = ANY(${urls}::text[]) OR "feedItemKey" = ANY(${itemKeys}::text[])`;
  const found = new Map<number, TFound>();
  const unmatched: number[] = [];
  batch.forEach(({ input, hash }, index) => {
    const sameText = known.find((row) => row.contentHash === hash);
    const byUrl = known.find(
      (row) => (input.canonicalUrl !== null && row.canonicalUrl === input.canonicalUrl) || (input.feedItemKey != null && row.feedItemKey === input.feedItemKey),
    );
    if (sameText) found.set(index, sameText);
    else if (byUrl) found.set(index, "updated");
    else if (isNearDuplicateCandidate(input.text, batch[index]!.bands)) unmatched.push(index);
  });
  if (unmatched.length === 0) return found;
  // Each document's own first candidates (as when stored alone), for the whole batch in one query.
  const pairs = unmatched.flatMap((index) => batch[index]!.bands.map((band) => ({ index, band })));
  const candidates = await tx.$queryRaw<{ index: number; id: number; storyId: number; fingerprint: string }[]>`
    SELECT own.item AS "index", a.id, a."storyId", a.fingerprint
    FROM (SELECT item, array_agg(band) AS bands FROM unnest(${pairs.map((pair) => pair.index)}::int[], ${pairs.map((pair) => pair.band)}::text[]) AS q(item, band) GROUP BY item) own
    CROSS JOIN LATERAL (SELECT id, "storyId", fingerprint FROM "Article" WHERE "nearBands" && own.bands LIMIT ${NEAR_DUPLICATE_CANDIDATES}) a`;
  for (const index of unmatched) {
    const best = closestNearDuplicate(batch[index]!.print, candidates.filter((row) => row.index === index));
    if (best) found.set(index, { id: best.id, storyId: best.storyId });
  }
  return found;
}

/** New articles with their outlets, speakers, stories, statements, pairs and countries: a fixed number of round trips. */
async function insertNewArticles(tx: Tx, documents: TPreparedDocument[]): Promise<Omit<TStoredDocument, "note">[]> {
  const outletIds = await upsertOutlets(tx, documents);
  const speakerIds = await upsertSpeakersOfArticles(
    tx,
    documents.map(({ input }) => ({ speakers: input.documents.flatMap((document) => document.speakers), text: input.text })),
  );
  const evidence = documents.map(({ input }) => {
    const statements = input.documents.flatMap((document) => document.statements);
    return { title: input.title, sortAt: input.publishedAt ?? new Date(), statements, quoteKeys: statements.map((statement) => quoteKey(statement.text)) };
  });
  const storyIds = await assignStories(tx, documents, evidence);
  const articles = await insertArticleRows(
    tx,
    documents.map(({ input, hash, print, bands }, k) => ({
      ...articleFields(input, { hash, print, bands, sortAt: evidence[k]!.sortAt, outletId: input.outlet ? (outletIds.get(outletKey(input)) ?? null) : null }),
      storyId: storyIds[k]!,
      canonicalUrl: input.canonicalUrl,
      feedItemKey: input.feedItemKey ?? null,
      slug: articleSlug(input.title, hash),
    })),
  );
  const idByHash = new Map(articles.map((row) => [row.contentHash, row.id]));
  const articleIds = documents.map(({ hash }) => {
    const id = idByHash.get(hash);
    if (id === undefined) throw new Error("a new article of the batch was not stored");
    return id;
  });
  const statementIds = await insertStatementsOfArticles(
    tx,
    documents.map((_, k) => ({ articleId: articleIds[k]!, statements: evidence[k]!.statements, keys: evidence[k]!.quoteKeys, speakerIds: speakerIds[k]! })),
  );
  await insertPairRows(tx, documents.flatMap(({ input }, k) => pairRows(input.documents, statementIds[k]!)));
  await insertCountryRows(tx, documents.flatMap(({ input }, k) => countryRows(articleIds[k]!, input.documents)));
  // A brand-new article has no corrections to re-apply; only speakers merged away by an editor matter.
  await foldMergedSpeakersOf(tx, articleIds);
  return documents.map((_, k) => ({ outcome: "new", articleId: articleIds[k]!, storyId: storyIds[k]!, statementIds: statementIds[k]! }));
}

type TArticleRow = ReturnType<typeof articleFields> & { storyId: number; canonicalUrl: string | null; feedItemKey: string | null; slug: string };

/**
 * The batch's articles in one INSERT, their search vectors computed in it (an UPDATE afterwards
 * would write every row and its index entries twice), and their stories' time spans widened in
 * the same statement.
 */
async function insertArticleRows(tx: Tx, rows: TArticleRow[]): Promise<{ id: number; contentHash: string }[]> {
  // Rows travel as one JSON value: array parameters cannot carry the nulls in place, nor lists of lists.
  return tx.$queryRaw<{ id: number; contentHash: string }[]>`
    WITH inserted AS (
      INSERT INTO "Article" (slug, "canonicalUrl", "sourceUrl", title, description, kind, "outletId", author, "publishedAt", "sortAt", text,
        "contentHash", fingerprint, "nearBands", "storyId", "feedId", "pasteId", "pastePosition", "feedItemKey", "textNote", "extractorVersion", "searchVector")
      SELECT slug, "canonicalUrl", "sourceUrl", title, description, kind::"DocumentKind", "outletId", author, "publishedAt", "sortAt", text,
        "contentHash", fingerprint, "nearBands", "storyId", "feedId", "pasteId", "pastePosition", "feedItemKey", "textNote", "extractorVersion",
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(slug text, "canonicalUrl" text, "sourceUrl" text, title text, description text, kind text,
        "outletId" int, author text, "publishedAt" timestamptz, "sortAt" timestamptz, text text, "contentHash" text, fingerprint text, "nearBands" text[],
        "storyId" int, "feedId" int, "pasteId" int, "pastePosition" int, "feedItemKey" text, "textNote" text, "extractorVersion" int)
      RETURNING id, "contentHash", "storyId", "sortAt"),
    spans AS (
      UPDATE "Story" s SET "latestAt" = GREATEST(s."latestAt", span.latest), "firstAt" = LEAST(s."firstAt", span.first)
      FROM (SELECT "storyId", max("sortAt") AS latest, min("sortAt") AS first FROM inserted GROUP BY "storyId") span
      WHERE s.id = span."storyId")
    SELECT id, "contentHash" FROM inserted`;
}

function outletKey(input: TDocumentToStore): string {
  return `${input.outlet}\u0000${input.outletDomain ?? ""}`;
}

/** The batch's outlets: the known ones in one read, each new one upserted (in name order: two writers lock them in one order). */
async function upsertOutlets(tx: Tx, documents: TPreparedDocument[]): Promise<Map<string, number>> {
  const distinct = new Map<string, TDocumentToStore>();
  for (const { input } of documents) if (input.outlet) distinct.set(outletKey(input), input);
  const ids = new Map<string, number>();
  if (distinct.size === 0) return ids;
  const inputs = [...distinct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const slugs = inputs.map(([, input]) => outletSlug(input.outlet!));
  const domains = inputs.flatMap(([, input]) => (input.outletDomain ? [input.outletDomain] : []));
  const known = await tx.$queryRaw<{ id: number; slug: string; domain: string | null }[]>`
    SELECT id, slug, domain FROM "Outlet" WHERE slug = ANY(${slugs}::text[]) OR domain = ANY(${domains}::text[])`;
  for (const [index, [key, input]] of inputs.entries()) {
    // As upsertOutlet: the outlet with this name, failing that the one with this domain.
    const row = known.find((outlet) => outlet.slug === slugs[index]) ?? known.find((outlet) => input.outletDomain !== null && outlet.domain === input.outletDomain);
    ids.set(key, row?.id ?? (await upsertOutlet(tx, input.outlet!, input.outletDomain)));
  }
  return ids;
}

type TEvidence = { title: string; sortAt: Date; statements: TPreparedDocument["input"]["documents"][number]["statements"]; quoteKeys: string[] };
/** A story by id, or the k-th story this batch creates (its id comes later, above every stored one). */
type TStoryRef = { id: number } | { created: number };
type TQuoteSeen = { quoteKey: string; story: TStoryRef; sortAt: Date };

/**
 * Each document's story, as assignStory would choose it with the earlier documents of the batch
 * already stored: the story with the most statements sharing one of its distinctive quotes within
 * the window (ties to the oldest story), else a new story. One read and one insert for the batch.
 */
async function assignStories(tx: Tx, documents: TPreparedDocument[], evidence: TEvidence[]): Promise<number[]> {
  const wanted = evidence.map((article) => storyQuoteKeys(article));
  const allKeys = [...new Set(wanted.flat())];
  const seen: TQuoteSeen[] = [];
  if (allKeys.length) {
    const windows = evidence.map((article) => storyWindow(article.sortAt));
    const from = new Date(Math.min(...windows.map((window) => window.from.getTime())));
    const to = new Date(Math.max(...windows.map((window) => window.to.getTime())));
    const rows = await tx.$queryRaw<{ quoteKey: string; storyId: number; sortAt: Date }[]>`
      SELECT s."quoteKey", a."storyId", a."sortAt" FROM "Statement" s JOIN "Article" a ON a.id = s."articleId"
      WHERE s."quoteKey" = ANY(${allKeys}::text[]) AND a."sortAt" BETWEEN ${from} AND ${to}`;
    for (const row of rows) seen.push({ quoteKey: row.quoteKey, story: { id: row.storyId }, sortAt: row.sortAt });
  }
  const newStories: { title: string; at: Date }[] = [];
  const refs = documents.map(({ input }, k): TStoryRef => {
    const article = evidence[k]!;
    const ref = input.storyId !== null ? { id: input.storyId } : (bestStory(seen, wanted[k]!, article.sortAt) ?? { created: newStories.push({ title: article.title, at: article.sortAt }) - 1 });
    for (const key of article.quoteKeys) seen.push({ quoteKey: key, story: ref, sortAt: article.sortAt });
    return ref;
  });
  const rows = newStories.map((story) => newStoryRow(story.title, story.at));
  const created = rows.length ? await tx.story.createManyAndReturn({ data: rows, select: { id: true, slug: true } }) : [];
  const idBySlug = new Map(created.map((row) => [row.slug, row.id]));
  return refs.map((ref) => {
    const id = "id" in ref ? ref.id : idBySlug.get(rows[ref.created]!.slug);
    if (id === undefined) throw new Error("a new story of the batch was not stored");
    return id;
  });
}

function bestStory(seen: TQuoteSeen[], keys: string[], sortAt: Date): TStoryRef | null {
  if (keys.length === 0) return null;
  const wanted = new Set(keys);
  const { from, to } = storyWindow(sortAt);
  const counts = new Map<string, { story: TStoryRef; count: number }>();
  for (const row of seen) {
    if (!wanted.has(row.quoteKey) || row.sortAt < from || row.sortAt > to) continue;
    const name = "id" in row.story ? `id:${row.story.id}` : `new:${row.story.created}`;
    const entry = counts.get(name) ?? { story: row.story, count: 0 };
    entry.count += 1;
    counts.set(name, entry);
  }
  let best: { story: TStoryRef; count: number } | null = null;
  for (const entry of counts.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && olderStory(entry.story, best.story))) best = entry;
  }
  return best?.story ?? null;
}

/** Stored stories are older than the batch's new ones; new ones in the order they were made. */
function olderStory(a: TStoryRef, b: TStoryRef): boolean {
  if ("id" in a) return "id" in b ? a.id < b.id : true;
  return "id" in b ? false : a.created < b.created;
}
