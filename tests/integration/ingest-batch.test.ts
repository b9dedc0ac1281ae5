// Several articles per transaction (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): a bad
// article in a batch fails alone, re-ingesting a batch adds nothing, and a batch stores the same
// articles, statements, speakers and stories as storing the articles one by one with extraction run
// in this process.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusArticle } from "@/bench/corpus-articles";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { extract } from "@/lib/extract";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { storeArticleTexts, type TArticleText } from "@/lib/ingest/pipeline";
import { storeDocument } from "@/lib/ingest/store-document";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

// Consecutive corpus articles: several belong to one story and share speakers.
const CORPUS = Array.from({ length: 14 }, (_unused, index) => corpusArticle(40 + index));

function corpusTexts(): TArticleText[] {
  return CORPUS.map((article) => ({ text: article.text, meta: { url: article.url, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt } }));
}

async function tableCounts(db: PrismaClient) {
  return {
    articles: await db.article.count(),
    statements: await db.statement.count(),
    speakers: await db.speaker.count(),
    stories: await db.story.count(),
    outlets: await db.outlet.count(),
    pairs: await db.pair.count(),
    countries: await db.countryMention.count(),
  };
}

/** What a reader sees of each article, by URL: title, outlet, which articles share its story, and its statements with their speakers. */
async function storedView(db: PrismaClient) {
  const articles = await db.article.findMany({
    select: {
      canonicalUrl: true,
      title: true,
      storyId: true,
      outlet: { select: { name: true } },
      statements: { orderBy: { start: "asc" }, select: { start: true, end: true, mode: true, text: true, speaker: { select: { name: true, aliases: true } } } },
      countries: { orderBy: { code: "asc" }, select: { code: true, count: true } },
    },
    orderBy: { canonicalUrl: "asc" },
  });
  return articles.map((article) => ({
    url: article.canonicalUrl,
    title: article.title,
    outlet: article.outlet?.name ?? null,
    storyMates: articles.filter((other) => other.storyId === article.storyId).map((other) => other.canonicalUrl),
    statements: article.statements.map((statement) => ({ ...statement, speaker: statement.speaker?.name ?? null })),
    speakerAliases: article.statements.map((statement) => [...(statement.speaker?.aliases ?? [])].sort()),
    countries: article.countries,
  }));
}

describe.each(testTargets)("ingestion in batches on %s", (target) => {
  let batchDatabase: TTestDatabase;
  let oneByOneDatabase: TTestDatabase;
  let db: PrismaClient;
  let oneByOne: PrismaClient;

  beforeAll(async () => {
    batchDatabase = await createTestDatabase(target);
    db = createPrismaClient(batchDatabase.url);
    oneByOneDatabase = await createTestDatabase(target);
    oneByOne = createPrismaClient(oneByOneDatabase.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await oneByOne?.$disconnect();
    await batchDatabase?.drop();
    await oneByOneDatabase?.drop();
  });

  it("stores every good article of a batch and reports the bad ones, each with its reason", async () => {
    const good = corpusTexts().slice(0, 4);
    // Longer than a btree index entry may be (and incompressible): the database refuses this article's row.
    const hugeUrl = `https://harborwire.example/${randomBytes(6000).toString("hex")}`;
    const batch: TArticleText[] = [
      good[0]!,
      { text: "", meta: { url: "https://harborwire.example/empty", title: "Nothing here" } },
      good[1]!,
      { text: corpusArticle(900).text, meta: { url: hugeUrl, title: "Refused by the database" } },
      good[2]!,
      good[3]!,
    ];
    const outcomes = await storeArticleTexts(db, batch);

    expect(outcomes.map((outcome) => (outcome.ok ? outcome.stored.outcome : "failed"))).toEqual(["new", "failed", "new", "failed", "new", "new"]);
    expect(outcomes[1]).toEqual({ ok: false, reason: "the text is empty" });
    expect(outcomes[3]?.ok === false && outcomes[3].reason).toMatch(/article/);
    const stored = await db.article.findMany({ select: { canonicalUrl: true } });
    expect(stored.map((row) => row.canonicalUrl).sort()).toEqual(good.map((article) => canonicalizeUrl(article.meta.url!)).sort());
    for (const outcome of outcomes) {
      if (outcome.ok) expect(await db.statement.count({ where: { articleId: outcome.stored.articleId } })).toBeGreaterThan(0);
    }
  });

  it("adds nothing when the same batch is ingested again", async () => {
    const first = await storeArticleTexts(db, corpusTexts());
    expect(first.every((outcome) => outcome.ok)).toBe(true);
    const before = await tableCounts(db);
    const again = await storeArticleTexts(db, corpusTexts());
    expect(again.map((outcome) => (outcome.ok ? outcome.stored.outcome : "failed"))).toEqual(CORPUS.map(() => "duplicate"));
    expect(again.map((outcome) => outcome.ok && outcome.stored.articleId)).toEqual(first.map((outcome) => outcome.ok && outcome.stored.articleId));
    expect(await tableCounts(db)).toEqual(before);
  });

  it("stores what one-by-one storing of in-process extractions stores: articles, stories, statements, speakers", async () => {
    // The batch database holds CORPUS (extracted on worker threads, written in batches) from the test above.
    for (const article of CORPUS) {
      const extraction = extract(article.text, { url: article.url, outlet: article.outlet, publishedAt: article.publishedAt.toISOString() });
      await storeDocument(oneByOne, {
        text: article.text,
        title: article.title,
        kind: "article",
        outlet: article.outlet,
        outletDomain: new URL(article.url).hostname,
        author: null,
        publishedAt: article.publishedAt,
        description: null,
        canonicalUrl: canonicalizeUrl(article.url),
        sourceUrl: article.url,
        feedId: null,
        pasteId: null,
        pastePosition: null,
        storyId: null,
        documents: extraction.documents,
      });
    }
    const batchView = await storedView(db);
    const oneByOneView = await storedView(oneByOne);
    expect(oneByOneView.length).toBe(CORPUS.length);
    expect(oneByOneView.some((article) => article.storyMates.length > 1)).toBe(true);
    expect(batchView).toEqual(oneByOneView);
    expect(await tableCounts(db)).toEqual(await tableCounts(oneByOne));
  });
});
