// Re-extraction of stored articles (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): articles
// an older engine wrote are rewritten once to what the current engine finds, speakers re-merged,
// stories updated; a second run changes nothing, and one article's failure leaves the others done.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { ingestPaste } from "@/lib/ingest/pipeline";
import { reextractArticles, type TReextractProgress } from "@/lib/ingest/reextract";
import { recordCorrection } from "@/lib/review/record-correction";
import { countArticlesFromOlderEngines, olderEngineNotice } from "@/lib/queries/engine-status";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const seedDir = path.join(process.cwd(), "prisma", "seed-articles");

/** What a reader sees of one article: its statements with speakers, its pairs, its countries and its story. */
async function snapshot(db: PrismaClient, articleId: number) {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      storyId: true,
      extractorVersion: true,
      countries: { select: { code: true, count: true }, orderBy: { code: "asc" } },
      statements: {
        orderBy: { start: "asc" },
        select: {
          id: true, text: true, mode: true, speaker: { select: { id: true, name: true, role: true, country: true } },
          claimOf: { select: { id: true, relation: true, responseId: true } },
          responseOf: { select: { id: true, relation: true, claimId: true } },
        },
      },
    },
  });
  return article;
}

/** Rewrites an article's rows the way an older engine left them: no pairs, a surname-only speaker, no countries. */
async function downgrade(db: PrismaClient, articleId: number): Promise<void> {
  const surname = await db.speaker.upsert({
    where: { nameKey_kind: { nameKey: "trump", kind: "person" } },
    create: { slug: "trump-older-engine", name: "Trump", nameKey: "trump", kind: "person" },
    update: {},
  });
  await db.pair.deleteMany({ where: { OR: [{ claim: { articleId } }, { response: { articleId } }] } });
  await db.statement.updateMany({ where: { articleId, speaker: { name: "Donald Trump" } }, data: { speakerId: surname.id } });
  await db.countryMention.deleteMany({ where: { articleId } });
  await db.article.update({ where: { id: articleId }, data: { extractorVersion: 0 } });
}

describe.each(testTargets)("re-extraction on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let treatyId: number;
  let forumIds: number[];
  let fresh: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    const forum = await ingestPaste(db, await readFile(path.join(seedDir, "treaty-and-nato-forum-paste.txt"), "utf8"));
    const treaty = await ingestPaste(db, await readFile(path.join(seedDir, "japan-treaty-unfair.txt"), "utf8"));
    forumIds = forum.items.map((item) => item.articleId ?? -1);
    treatyId = treaty.items[0]?.articleId ?? -1;
    fresh = await snapshot(db, treatyId);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("records the engine version on every article it stores, so nothing needs re-extracting", async () => {
    const versions = await db.article.findMany({ select: { extractorVersion: true } });
    expect(versions.length).toBe(4);
    expect(versions.every((row) => row.extractorVersion === EXTRACTOR_VERSION)).toBe(true);
    expect(await countArticlesFromOlderEngines(db)).toBe(0);
    expect(olderEngineNotice(0)).toBeNull();
  });

  it("rewrites an older engine's rows once: speakers re-merged, pairs and countries back, the stray speaker gone", async () => {
    await downgrade(db, treatyId);
    expect(await countArticlesFromOlderEngines(db)).toBe(1);
    expect(olderEngineNotice(1)).toMatch(/1 article was extracted by an older engine.*npm run reextract/);
    const stale = await snapshot(db, treatyId);
    expect(stale.statements.some((statement) => statement.speaker?.name === "Trump")).toBe(true);

    const progress: TReextractProgress[] = [];
    const summary = await reextractArticles(db, { since: null, all: false }, (event) => progress.push(event));
    expect(summary).toEqual({ total: 1, rewritten: 1, current: 0, failed: 0 });
    expect(progress).toEqual([
      expect.objectContaining({ kind: "article", index: 1, total: 1, result: expect.objectContaining({ status: "rewritten", articleId: treatyId }) }),
    ]);

    const after = await snapshot(db, treatyId);
    const view = (article: typeof fresh) => ({
      countries: article.countries,
      statements: article.statements.map((statement) => ({
        text: statement.text, mode: statement.mode, speaker: statement.speaker?.name ?? null,
        claims: statement.claimOf.length, responses: statement.responseOf.length,
      })),
    });
    expect(view(after)).toEqual(view(fresh));
    expect(after.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(await db.speaker.count({ where: { nameKey: "trump" } })).toBe(0);
    expect(await countArticlesFromOlderEngines(db)).toBe(0);
  });

  it("a second run changes nothing", async () => {
    const before = await snapshot(db, treatyId);
    const summary = await reextractArticles(db, { since: null, all: false });
    expect(summary).toEqual({ total: 0, rewritten: 0, current: 0, failed: 0 });
    expect(await snapshot(db, treatyId)).toEqual(before);
  });

  it("corrects the role and country an older engine stored for a speaker, keeps this engine's first reading, and never overrides an editor", async () => {
    const speaker = (name: string) => db.speaker.findFirstOrThrow({ where: { name }, select: { id: true, role: true, country: true } });
    const trump = await speaker("Donald Trump");
    const hayashi = await speaker("Yoshimasa Hayashi");
    const ishiba = await speaker("Shigeru Ishiba");
    expect(trump).toMatchObject({ role: "President", country: "US" });
    // What an older engine left: a wrong role and country for Trump.
    await db.speaker.update({ where: { id: trump.id }, data: { role: "Governor", country: "CA", roleVersion: EXTRACTOR_VERSION - 1, countryVersion: EXTRACTOR_VERSION - 1 } });
    // What another article read by this same engine said of Ishiba: it stays (no flipping per article).
    await db.speaker.update({ where: { id: ishiba.id }, data: { country: "KR", countryVersion: EXTRACTOR_VERSION } });
    // An editor's choice for Hayashi outranks every engine.
    await recordCorrection(db, { kind: "speaker_details", speakerId: hayashi.id, role: "Government spokesman", country: null }, "Test Editor");
    expect((await db.articleCountry.findMany({ where: { code: "CA" } })).length).toBeGreaterThan(0);

    await reextractArticles(db, { since: null, all: true });
    expect(await speaker("Donald Trump")).toMatchObject({ role: "President", country: "US" });
    expect(await speaker("Shigeru Ishiba")).toMatchObject({ country: "KR" });
    expect(await speaker("Yoshimasa Hayashi")).toMatchObject({ role: "Government spokesman", country: null });
    // The country filter follows: no article is filed under Canada any more.
    expect(await db.articleCountry.findMany({ where: { code: "CA" } })).toEqual([]);

    await db.speaker.update({ where: { id: ishiba.id }, data: { country: "JP" } });
    await db.speaker.update({ where: { id: hayashi.id }, data: { role: hayashi.role, country: hayashi.country } });
    await db.correction.deleteMany({ where: { speakerId: hayashi.id } });
  });

  it("--all re-runs current articles to the same facts, keeping a comment's pair with an article it answers", async () => {
    const acrossArticles = async () =>
      (await db.pair.findMany({ select: { claim: { select: { articleId: true, text: true } }, response: { select: { articleId: true, text: true } }, relation: true } }))
        .filter((pair) => pair.claim.articleId !== pair.response.articleId)
        .map((pair) => `${pair.claim.text} → ${pair.response.text} (${pair.relation})`)
        .sort();
    const beforeAcross = await acrossArticles();
    expect(beforeAcross.length).toBeGreaterThan(0);
    const texts = async () => (await db.statement.findMany({ select: { text: true, speaker: { select: { name: true } } }, orderBy: [{ articleId: "asc" }, { start: "asc" }] })).map((row) => `${row.speaker?.name}: ${row.text}`);
    const textsBefore = await texts();

    const summary = await reextractArticles(db, { since: null, all: true });
    expect(summary).toEqual({ total: 4, rewritten: 4, current: 0, failed: 0 });
    expect(await texts()).toEqual(textsBefore);
    expect(await acrossArticles()).toEqual(beforeAcross);
  });

  it("--since leaves out articles older than the date", async () => {
    await db.article.updateMany({ data: { extractorVersion: 0 } });
    const summary = await reextractArticles(db, { since: new Date(Date.now() + 24 * 3600 * 1000), all: false });
    expect(summary.total).toBe(0);
    expect(await countArticlesFromOlderEngines(db)).toBe(4);
    await reextractArticles(db, { since: null, all: false });
    expect(await countArticlesFromOlderEngines(db)).toBe(0);
  });

  it("moves an article that stood alone into the story its re-found quotes share, and drops the empty story", async () => {
    const forumTreatyId = forumIds[0] ?? -1;
    const shared = await db.article.findUniqueOrThrow({ where: { id: forumTreatyId }, select: { storyId: true } });
    expect(shared.storyId).toBe((await snapshot(db, treatyId)).storyId);
    // The older engine found no quote here, so the article started a story of its own.
    const lonely = await db.story.create({ data: { slug: "older-engine-story", title: "Trump calls treaty unfair", firstAt: new Date(), latestAt: new Date() } });
    await db.statement.deleteMany({ where: { articleId: treatyId } });
    await db.article.update({ where: { id: treatyId }, data: { storyId: lonely.id, extractorVersion: 0 } });

    await reextractArticles(db, { since: null, all: false });
    const after = await db.article.findUniqueOrThrow({ where: { id: treatyId }, select: { storyId: true, _count: { select: { statements: true } } } });
    expect(after.storyId).toBe(shared.storyId);
    expect(after._count.statements).toBe(fresh.statements.length);
    expect(await db.story.findUnique({ where: { id: lonely.id } })).toBeNull();
  });

  it("reports an article that fails and still rewrites the others; the failed one keeps its rows and its old version", async () => {
    const [failing, ...others] = forumIds;
    for (const id of forumIds) await downgrade(db, id);
    // A paste stored before its text was kept: the paste is rebuilt from its documents.
    await db.paste.updateMany({ data: { text: null } });
    // Its own rows; pairs into it may change, since its paste's other documents are re-extracted.
    const ownRows = async () => {
      const { statements, ...rest } = await snapshot(db, failing ?? -1);
      return { ...rest, statements: statements.map(({ id, text, speaker }) => ({ id, text, speaker })) };
    };
    const failingBefore = await ownRows();
    // A real database error inside that article's transaction (its statements cannot be written).
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_statement() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN RAISE EXCEPTION 'disk full while writing statements'; END $f$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_statement BEFORE INSERT ON "Statement" FOR EACH ROW
      WHEN (NEW."articleId" = ${Number(failing)}) EXECUTE FUNCTION refuse_statement()`);
    try {
      const progress: TReextractProgress[] = [];
      const summary = await reextractArticles(db, { since: null, all: false }, (event) => progress.push(event));
      expect(summary).toEqual({ total: 3, rewritten: 2, current: 0, failed: 1 });
      expect(progress.filter((event) => event.kind === "failed")).toEqual([
        expect.objectContaining({ articleId: failing, message: expect.stringMatching(/^Database error.*disk full while writing statements/) }),
      ]);
      expect(await ownRows()).toEqual(failingBefore);
      const versions = await db.article.findMany({ where: { id: { in: others } }, select: { extractorVersion: true } });
      expect(versions.map((row) => row.extractorVersion)).toEqual(others.map(() => EXTRACTOR_VERSION));
      expect(await countArticlesFromOlderEngines(db)).toBe(1);
      const comment = await db.statement.findMany({ where: { articleId: forumIds[2] ?? -1 }, select: { speaker: { select: { name: true, kind: true } } } });
      expect(comment.length).toBeGreaterThan(3);
      expect(comment.every((statement) => statement.speaker?.name === "Ryuu96" && statement.speaker.kind === "commenter")).toBe(true);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_statement ON "Statement"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_statement()`);
    }
    expect(await reextractArticles(db, { since: null, all: false })).toEqual({ total: 1, rewritten: 1, current: 0, failed: 0 });
  });
});
