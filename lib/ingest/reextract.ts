// Brings stored articles up to the current extraction engine: one transaction per article rewrites
// its statements, pairs, speaker links and countries from its stored text, re-merges speakers, and
// moves an article that stood alone into the story its new quotes share.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { extract } from "@/lib/extract";
import type { TDocument, TRelation } from "@/lib/extract/types";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { findStoryByQuotes } from "@/lib/ingest/assign-story";
import { rebaseDocument } from "@/lib/ingest/pipeline";
import { quoteKey } from "@/lib/ingest/quote-key";
import { insertCountries, insertPairs, insertStatements } from "@/lib/ingest/store-document";
import { upsertSpeakers } from "@/lib/ingest/store-entities";
import { reapplyAfterRewrite } from "@/lib/review/reapply-corrections";

type Tx = Prisma.TransactionClient;

export type TReextractSelection = {
  /** Only articles whose timeline time (published, else ingested) is at or after this instant. */
  since: Date | null;
  /** Also articles already at the current version (re-running them gives the same rows). */
  all: boolean;
};

export type TArticleCounts = { statements: number; pairs: number };

export type TReextractResult =
  | { status: "rewritten"; articleId: number; title: string; before: TArticleCounts; after: TArticleCounts; storyId: number }
  | { status: "current"; articleId: number; title: string };

/** The articles a run will visit, oldest id first. */
export async function listArticlesToReextract(db: PrismaClient, selection: TReextractSelection): Promise<number[]> {
  const rows = await db.article.findMany({
    where: {
      ...(selection.all ? {} : { extractorVersion: { lt: EXTRACTOR_VERSION } }),
      ...(selection.since ? { sortAt: { gte: selection.since } } : {}),
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id);
}

/** Re-extracts one article in one transaction; an article already at this version is left alone unless `force`. */
export async function reextractArticle(db: PrismaClient, articleId: number, options: { force: boolean }): Promise<TReextractResult> {
  return db.$transaction((tx) => reextractInTransaction(tx, articleId, options.force), { timeout: 60_000, maxWait: 60_000 });
}

/** A pair between this article's statement (by offsets) and another article's statement. */
type TPairAcross = {
  ownStart: number;
  ownEnd: number;
  other: { id: number } | { articleId: number; start: number; end: number };
  ownIsClaim: boolean;
  relation: TRelation;
  confidence: number;
};

type TStoredArticle = { id: number; text: string; canonicalUrl: string | null; publishedAt: Date | null; pasteId: number | null; outlet: { name: string } | null };

/**
 * The current engine's documents for a stored article. A document of a paste is extracted inside
 * its paste, as at ingestion: names introduced in an earlier document ("Donald Trump … Trump said"),
 * a commenter's signature and pairs across documents depend on it. Pastes stored before their text
 * was kept are rebuilt from their documents. If the paste no longer splits at this document's
 * text, the document is extracted alone.
 */
async function extractStoredArticle(tx: Tx, article: TStoredArticle): Promise<{ documents: TDocument[]; acrossPaste: TPairAcross[] | null }> {
  const alone = () =>
    extract(article.text, {
      // Stored alone, it was read as one article (a page, a feed item); a paste's documents are not alone.
      oneArticle: true,
      ...(article.canonicalUrl ? { url: article.canonicalUrl } : {}),
      ...(article.outlet ? { outlet: article.outlet.name } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt.toISOString() } : {}),
    }).documents;
  if (article.pasteId === null) return { documents: alone(), acrossPaste: null };
  const [paste, siblings] = await Promise.all([
    tx.paste.findUnique({ where: { id: article.pasteId }, select: { text: true } }),
    tx.article.findMany({
      where: { pasteId: article.pasteId },
      orderBy: [{ pastePosition: "asc" }, { id: "asc" }],
      select: { id: true, text: true, kind: true, author: true },
    }),
  ]);
  // A comment's signature sits outside its stored text: the rebuilt paste signs it again.
  const rebuilt = () =>
    siblings.map((sibling) => (sibling.kind === "comment" && sibling.author ? `${sibling.text}\n\nComment by ${sibling.author}` : sibling.text)).join("\n\n");
  const text = paste?.text ?? rebuilt();
  const extraction = extract(text);
  // Each stored document is the paste's slice at a found document's span.
  const unclaimed = [...siblings];
  const stored = extraction.documents.map((document) => {
    const slice = text.slice(document.span.start, document.span.end);
    const at = unclaimed.findIndex((sibling) => sibling.text === slice);
    return at === -1 ? null : (unclaimed.splice(at, 1)[0] ?? null);
  });
  const document = extraction.documents[stored.findIndex((sibling) => sibling?.id === article.id)];
  if (!document) return { documents: alone(), acrossPaste: null };

  const owner = new Map<string, { articleId: number; offset: number; start: number; end: number }>();
  extraction.documents.forEach((other, index) => {
    const articleId = stored[index]?.id;
    if (articleId === undefined) return;
    for (const statement of other.statements) owner.set(statement.id, { articleId, offset: other.span.start, ...statement.span });
  });
  const acrossPaste = extraction.documents.flatMap((d) => d.pairs).flatMap((pair): TPairAcross[] => {
    const claim = owner.get(pair.claimId);
    const response = owner.get(pair.responseId);
    if (!claim || !response || (claim.articleId === article.id) === (response.articleId === article.id)) return [];
    const ownIsClaim = claim.articleId === article.id;
    const [own, other] = ownIsClaim ? [claim, response] : [response, claim];
    return [{
      ownStart: own.start - own.offset,
      ownEnd: own.end - own.offset,
      other: { articleId: other.articleId, start: other.start - other.offset, end: other.end - other.offset },
      ownIsClaim,
      relation: pair.relation,
      confidence: pair.confidence,
    }];
  });
  return { documents: [rebaseDocument(document, document.span.start)], acrossPaste };
}

/** Also run by undoing a correction: the article is rebuilt from its text and the corrections still in force. */
export async function reextractInTransaction(tx: Tx, articleId: number, force: boolean): Promise<TReextractResult> {
  // The row lock makes two concurrent runs take turns; the second then finds the article current.
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
  if (locked.length === 0) throw new Error(`article #${articleId} no longer exists`);
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      id: true, title: true, text: true, canonicalUrl: true, publishedAt: true, sortAt: true, storyId: true,
      pasteId: true, extractorVersion: true, outlet: { select: { name: true } },
    },
  });
  if (!force && article.extractorVersion >= EXTRACTOR_VERSION) return { status: "current", articleId, title: article.title };

  const found = await extractStoredArticle(tx, article);
  const before = await countRows(tx, articleId);
  // Without the paste around it, pairs with its other documents cannot be found again: keep those whose statement is.
  const kept = found.acrossPaste === null ? await pairsWithOtherArticles(tx, articleId) : [];
  const previousSpeakers = await tx.statement.findMany({ where: { articleId, speakerId: { not: null } }, select: { speakerId: true }, distinct: ["speakerId"] });

  // Pairs, also those with other articles, go with the statements (ON DELETE CASCADE).
  await tx.statement.deleteMany({ where: { articleId } });
  await tx.countryMention.deleteMany({ where: { articleId } });

  const { documents } = found;
  const statements = documents.flatMap((document) => document.statements);
  const keys = statements.map((statement) => quoteKey(statement.text));
  const speakerIds = await upsertSpeakers(tx, documents.flatMap((document) => document.speakers), article.text);
  const statementIds = await insertStatements(tx, articleId, statements, keys, speakerIds);
  await insertPairs(tx, documents, statementIds);
  await insertCountries(tx, articleId, documents);
  await linkPairs(tx, articleId, [...kept, ...(found.acrossPaste ?? [])]);
  // Editors' corrections are re-applied on top of the fresh rows, before unused speakers go.
  await reapplyAfterRewrite(tx, articleId);
  await dropSpeakersWithoutStatements(tx, previousSpeakers.flatMap((row) => (row.speakerId === null ? [] : [row.speakerId])));

  const storyId = await restory(tx, article, keys, statements);
  await tx.article.update({ where: { id: articleId }, data: { extractorVersion: EXTRACTOR_VERSION } });
  return { status: "rewritten", articleId, title: article.title, before, after: await countRows(tx, articleId), storyId };
}

async function countRows(tx: Tx, articleId: number): Promise<TArticleCounts> {
  const [statements, pairs] = await Promise.all([
    tx.statement.count({ where: { articleId } }),
    tx.pair.count({ where: { OR: [{ claim: { articleId } }, { response: { articleId } }] } }),
  ]);
  return { statements, pairs };
}

/** Pairs joining this article to another one (a comment rebutting a quoted politician), by this side's offsets. */
async function pairsWithOtherArticles(tx: Tx, articleId: number): Promise<TPairAcross[]> {
  const rows = await tx.pair.findMany({
    where: {
      OR: [
        { claim: { articleId }, response: { articleId: { not: articleId } } },
        { response: { articleId }, claim: { articleId: { not: articleId } } },
      ],
    },
    select: {
      relation: true, confidence: true,
      claim: { select: { id: true, articleId: true, start: true, end: true } },
      response: { select: { id: true, articleId: true, start: true, end: true } },
    },
  });
  return rows.map((row) => {
    const ownIsClaim = row.claim.articleId === articleId;
    const own = ownIsClaim ? row.claim : row.response;
    return { ownStart: own.start, ownEnd: own.end, other: { id: ownIsClaim ? row.response.id : row.claim.id }, ownIsClaim, relation: row.relation, confidence: row.confidence };
  });
}

/** Links pairs with other articles whose statements both exist (the other side by id or by its offsets). */
async function linkPairs(tx: Tx, articleId: number, pairs: TPairAcross[]): Promise<void> {
  if (pairs.length === 0) return;
  const others = [...new Set(pairs.flatMap((pair) => ("articleId" in pair.other ? [pair.other.articleId] : [])))];
  const rows = await tx.statement.findMany({ where: { articleId: { in: [articleId, ...others] } }, select: { id: true, articleId: true, start: true, end: true } });
  const byPlace = new Map(rows.map((row) => [`${row.articleId}:${row.start}:${row.end}`, row.id]));
  const data = pairs.flatMap((pair) => {
    const own = byPlace.get(`${articleId}:${pair.ownStart}:${pair.ownEnd}`);
    const other = "id" in pair.other ? pair.other.id : byPlace.get(`${pair.other.articleId}:${pair.other.start}:${pair.other.end}`);
    if (own === undefined || other === undefined) return [];
    const [claimId, responseId] = pair.ownIsClaim ? [own, other] : [other, own];
    return [{ claimId, responseId, relation: pair.relation, confidence: pair.confidence }];
  });
  if (data.length > 0) await tx.pair.createMany({ data, skipDuplicates: true });
}

/** "Trump" merged into "Donald Trump" leaves the old row with nothing said: it goes. */
async function dropSpeakersWithoutStatements(tx: Tx, speakerIds: number[]): Promise<void> {
  if (speakerIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM "Speaker" s WHERE s.id = ANY(${speakerIds}::int[])
    AND NOT EXISTS (SELECT 1 FROM "Statement" st WHERE st."speakerId" = s.id)`;
}

/**
 * An article alone in its story joins the story its new quotes share with a recent article; stories
 * are never split (other articles were grouped with this one for reasons still on the page).
 */
async function restory(
  tx: Tx,
  article: { id: number; title: string; sortAt: Date; storyId: number },
  keys: string[],
  statements: Parameters<typeof findStoryByQuotes>[1]["statements"],
): Promise<number> {
  const companions = await tx.article.count({ where: { storyId: article.storyId, id: { not: article.id } } });
  if (companions > 0) return article.storyId;
  const found = await findStoryByQuotes(tx, { title: article.title, sortAt: article.sortAt, quoteKeys: keys, statements }, article.id);
  if (found === null || found === article.storyId) return article.storyId;
  await tx.article.update({ where: { id: article.id }, data: { storyId: found } });
  await tx.story.delete({ where: { id: article.storyId } });
  await tx.$executeRaw`UPDATE "Story" SET "latestAt" = GREATEST("latestAt", ${article.sortAt}), "firstAt" = LEAST("firstAt", ${article.sortAt})
    WHERE id = ${found}`;
  return found;
}

export type TReextractProgress =
  | { kind: "article"; index: number; total: number; result: TReextractResult }
  | { kind: "failed"; index: number; total: number; articleId: number; message: string };

export type TReextractSummary = { total: number; rewritten: number; current: number; failed: number };

/** The line that says what went wrong: Prisma puts the database's own message last, after the call site. */
function causeOf(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split("\n").map((line) => line.trim()).filter(Boolean);
  return (lines.at(-1) ?? "unknown error").slice(0, 500);
}

/** Every selected article in turn; one article's failure is reported and the run goes on. */
export async function reextractArticles(
  db: PrismaClient,
  selection: TReextractSelection,
  onProgress: (progress: TReextractProgress) => void = () => undefined,
): Promise<TReextractSummary> {
  const ids = await listArticlesToReextract(db, selection);
  const summary: TReextractSummary = { total: ids.length, rewritten: 0, current: 0, failed: 0 };
  for (const [position, articleId] of ids.entries()) {
    const index = position + 1;
    try {
      const result = await reextractArticle(db, articleId, { force: selection.all });
      summary[result.status === "rewritten" ? "rewritten" : "current"] += 1;
      onProgress({ kind: "article", index, total: ids.length, result });
    } catch (error) {
      summary.failed += 1;
      onProgress({ kind: "failed", index, total: ids.length, articleId, message: causeOf(error) });
    }
  }
  return summary;
}
