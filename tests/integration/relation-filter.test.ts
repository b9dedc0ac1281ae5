// The relation filter (`?relation=rebuts|supports|responds`) reads the article rows triggers keep
// per pair (ArticlePair): after any write it must list exactly the articles whose statements take
// part in a pair of that relation, as joining the pairs to their statements says, on either side
// of a pair that spans two articles. The speaker filter's responses half reads the same rows, so it
// is checked after every write too.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { createPrismaClient, disconnectPrisma } from "@/lib/db/client";
import type { PrismaClient, Relation } from "@/lib/generated/prisma/client";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";
import { seedDashboardRows } from "../support/seed-dashboard-dev";

const { listTimeline, listTimelineArticles } = await import("@/lib/queries/timeline");
const { listFacets } = await import("@/lib/queries/facets");
const { reextractArticle } = await import("@/lib/ingest/reextract");

const RELATIONS: Relation[] = ["rebuts", "supports", "responds"];

describe.each(testTargets)("the relation filter on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let slugById: Map<number, string>;

  /** The articles with a pair of this relation, from the pairs and their statements themselves. */
  async function slugsFromPairs(relation: Relation): Promise<string[]> {
    const rows = await db.$queryRaw<{ slug: string }[]>`
      SELECT DISTINCT a.slug FROM "Pair" p JOIN "Statement" s ON s.id IN (p."claimId", p."responseId")
      JOIN "Article" a ON a.id = s."articleId" WHERE p.relation = ${relation}::"Relation" ORDER BY a.slug`;
    return rows.map((row) => row.slug);
  }
  /** The articles a reader gets for `?relation=…` (the feed of the filtered timeline: every match, newest first). */
  async function slugsShown(relation: Relation): Promise<string[]> {
    const cards = await listTimelineArticles({ relation });
    return cards.map((card) => card.slug).sort();
  }
  /** The articles with a speaker's own words or a response to one of their claims, from the statements and pairs themselves. */
  async function slugsFromSpeakerPairs(speaker: string): Promise<string[]> {
    const rows = await db.$queryRaw<{ slug: string }[]>`
      SELECT a.slug FROM "Statement" s JOIN "Speaker" sp ON sp.id = s."speakerId" JOIN "Article" a ON a.id = s."articleId"
      WHERE sp.slug = ${speaker}
      UNION
      SELECT a.slug FROM "Pair" p JOIN "Statement" c ON c.id = p."claimId" JOIN "Speaker" sp ON sp.id = c."speakerId"
      JOIN "Statement" r ON r.id = p."responseId" JOIN "Article" a ON a.id = r."articleId"
      WHERE sp.slug = ${speaker}`;
    return rows.map((row) => row.slug).sort();
  }
  /** The relation filter, and the speaker filter (whose responses half reads the same rows) for every claimant. */
  async function expectFilterMatchesPairs(): Promise<void> {
    for (const relation of RELATIONS) expect(await slugsShown(relation), relation).toEqual(await slugsFromPairs(relation));
    const claimants = await db.$queryRaw<{ slug: string }[]>`
      SELECT DISTINCT sp.slug FROM "Pair" p JOIN "Statement" c ON c.id = p."claimId" JOIN "Speaker" sp ON sp.id = c."speakerId"`;
    for (const { slug } of claimants) {
      const shown = (await listTimelineArticles({ speaker: slug })).map((card) => card.slug).sort();
      expect(shown, slug).toEqual(await slugsFromSpeakerPairs(slug));
    }
  }
  const articleId = async (slugStart: string) => (await db.article.findFirstOrThrow({ where: { slug: { startsWith: slugStart } } })).id;
  const statementIn = async (id: number, textStart: string) =>
    db.statement.findFirstOrThrow({ where: { articleId: id, text: { startsWith: textStart } } });

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url, 2);
    await seedDashboardRows(db);
    process.env.DATABASE_URL = database.url;
    const articles = await db.article.findMany({ select: { id: true, slug: true } });
    slugById = new Map(articles.map((article) => [article.id, article.slug]));
  });

  afterAll(async () => {
    await disconnectPrisma();
    await db?.$disconnect();
    await database?.drop();
  });

  it("lists the seeded articles by their pairs, the comment answering another article included", async () => {
    await expectFilterMatchesPairs();
    expect(await slugsShown("rebuts")).toEqual([...slugById.values()].sort());
    expect(await slugsShown("responds")).toEqual(["trump-calls-us-japan-security-treaty-unfair-says-japan-offers-no-protection"]);
    expect(await slugsShown("supports")).toEqual([]);
    const page = await listTimeline({ relation: "responds" });
    expect(page.stories.map((story) => story.slug)).toEqual(["trump-criticizes-us-japan-security-treaty"]);
    const none = await listFacets({ relation: "supports" });
    expect([none.countries, none.speakers, none.outlets]).toEqual([[], [], []]);
  });

  it("follows an editor's new relation, a pair across articles, and a removed pair", async () => {
    const treaty = await articleId("trump-calls-us-japan");
    const unequal = await articleId("trump-criticizes-security-treaty");
    const nato = await articleId("trump-casts-doubt");
    const responds = await db.pair.findFirstOrThrow({ where: { relation: "responds" } });
    await db.pair.update({ where: { id: responds.id }, data: { relation: "supports" } });
    await expectFilterMatchesPairs();
    expect(await slugsShown("responds")).toEqual([]);
    expect(await slugsShown("supports")).toEqual([slugById.get(treaty)]);

    // AP's fact check in the NATO story answers a claim of the treaty story.
    const claim = await statementIn(unequal, "We have a great relationship");
    const response = await statementIn(nato, "they have done exactly that");
    await db.pair.createMany({ data: [{ claimId: claim.id, responseId: response.id, relation: "responds", confidence: 0.7 }] });
    await expectFilterMatchesPairs();
    expect(await slugsShown("responds")).toEqual([slugById.get(nato), slugById.get(unequal)].sort());

    await db.pair.deleteMany({ where: { relation: "supports" } });
    await expectFilterMatchesPairs();
    expect(await slugsShown("supports")).toEqual([]);
  });

  it("drops an article whose only pair went with another article's statements, and follows a re-extraction", async () => {
    const nato = await articleId("trump-casts-doubt");
    const comment = await articleId("ryuu96-comment");
    // The comment's only pair answers a claim of the NATO article: the first step of re-extracting
    // that article (its statements go, and their pairs across articles with them).
    await db.statement.deleteMany({ where: { articleId: nato } });
    await expectFilterMatchesPairs();
    expect(await slugsShown("rebuts")).not.toContain(slugById.get(comment));
    expect(await slugsShown("rebuts")).not.toContain(slugById.get(nato));

    await db.article.update({ where: { id: nato }, data: { extractorVersion: 0 } });
    const result = await reextractArticle(db, nato, { force: true });
    expect(result.status).toBe("rewritten");
    await expectFilterMatchesPairs();
  });

  it("forgets a deleted article", async () => {
    const treaty = await articleId("trump-calls-us-japan");
    await db.article.delete({ where: { id: treaty } });
    await expectFilterMatchesPairs();
    expect(await slugsShown("rebuts")).not.toContain(slugById.get(treaty));
    expect(await db.articlePair.count({ where: { articleId: treaty } })).toBe(0);
  });

  it("moves a pair's article when one of its statements is moved to another article", async () => {
    const unequal = await articleId("trump-criticizes-security-treaty");
    const comment = await articleId("ryuu96-comment");
    const response = await statementIn(unequal, "Japan bears the burden");
    await db.statement.update({ where: { id: response.id }, data: { articleId: comment } });
    await expectFilterMatchesPairs();
    expect(await slugsShown("rebuts")).toContain(slugById.get(comment));
  });
});
