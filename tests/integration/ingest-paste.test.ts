// Pasted text end to end: the two shared client examples go through ingestPaste into a real
// database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) and come out as the articles,
// speakers, statements, pairs, countries and stories a reader would see on the timeline.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { IngestInputError, ingestPaste } from "@/lib/ingest/pipeline";
import { ZIngestRequest } from "@/lib/ingest/ingest-request";
import type { TRunSummary } from "@/lib/ingest/runs";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const seedDir = path.join(process.cwd(), "prisma", "seed-articles");
const TRUMP_QUOTE = "we have to protect them, but they don’t have to protect us";

/** Row count of every table in the public schema, by name. */
async function tableCounts(db: PrismaClient): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name: name } of tables) {
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

function withoutRuns(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([name]) => name !== "IngestRun" && name !== "IngestItem"));
}

describe.each(testTargets)("pasted text on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let forumText: string;
  let treatyText: string;
  let forumRun: TRunSummary;
  let treatyRun: TRunSummary;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    forumText = await readFile(path.join(seedDir, "treaty-and-nato-forum-paste.txt"), "utf8");
    treatyText = await readFile(path.join(seedDir, "japan-treaty-unfair.txt"), "utf8");
    forumRun = await ingestPaste(db, forumText, { label: "forum paste" });
    treatyRun = await ingestPaste(db, treatyText, { label: "treaty page" });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("splits the forum paste into two articles and a comment, in order, linked to one paste", async () => {
    expect(forumRun.status).toBe("succeeded");
    expect(forumRun.items.map((item) => item.outcome)).toEqual(["new", "new", "new"]);
    const ids = forumRun.items.map((item) => item.articleId ?? -1);
    const articles = await db.article.findMany({
      where: { id: { in: ids } },
      orderBy: { pastePosition: "asc" },
      select: { title: true, kind: true, author: true, pasteId: true, pastePosition: true, outlet: { select: { name: true } } },
    });
    expect(articles.map((article) => article.kind)).toEqual(["article", "article", "comment"]);
    expect(articles.map((article) => article.pastePosition)).toEqual([0, 1, 2]);
    expect(new Set(articles.map((article) => article.pasteId)).size).toBe(1);
    expect(articles[0]?.title).toBe("Trump Criticizes Security Treaty With Japan as Unequal");
    expect(articles[1]?.title).toBe("Trump Casts Doubt On NATO Solidarity");
    expect(articles[1]?.outlet?.name).toBe("AP News");
    expect(articles[2]?.author).toBe("Ryuu96");
    expect(articles[2]?.title).toContain("Ryuu96");
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: forumRun.runId }, include: { items: true } });
    expect(run).toMatchObject({ source: "paste", input: "forum paste", status: "succeeded" });
    expect(run.finishedAt).not.toBeNull();
    expect(run.items).toHaveLength(3);
  });

  it("stores the treaty page as one article", async () => {
    expect(treatyRun.status).toBe("succeeded");
    expect(treatyRun.items).toHaveLength(1);
    expect(treatyRun.items[0]?.outcome).toBe("new");
    const article = await db.article.findUniqueOrThrow({ where: { id: treatyRun.items[0]?.articleId ?? -1 } });
    expect(article.kind).toBe("article");
    expect(article.title).toMatch(/Trump calls US-Japan security treaty/);
    expect(await db.article.count()).toBe(4);
  });

  it("shows Trump's identical quote in both texts as one claim seen twice, in one story", async () => {
    const quotes = await db.statement.findMany({
      where: { text: { contains: TRUMP_QUOTE } },
      select: { quoteKey: true, mode: true, articleId: true, speaker: { select: { name: true } }, article: { select: { storyId: true } } },
    });
    expect(quotes).toHaveLength(2);
    const [first, second] = quotes;
    expect(first?.quoteKey).toBe(second?.quoteKey);
    expect(first?.articleId).not.toBe(second?.articleId);
    expect(quotes.every((quote) => quote.mode === "direct" && quote.speaker?.name === "Donald Trump")).toBe(true);
    expect(first?.article.storyId).toBe(second?.article.storyId);
    const sources = await db.statement.groupBy({ by: ["quoteKey"], where: { quoteKey: first?.quoteKey ?? "" }, _count: { articleId: true } });
    expect(sources[0]?._count.articleId).toBe(2);
    // The story names both articles: the forum's treaty piece and the treaty page.
    const inStory = await db.article.findMany({ where: { storyId: first?.article.storyId ?? -1 }, select: { id: true } });
    expect(inStory.map((article) => article.id).sort()).toEqual(
      [forumRun.items[0]?.articleId, treatyRun.items[0]?.articleId].sort(),
    );
  });

  it("pairs Ishiba's rebuttal with Trump's claim", async () => {
    const forumTreatyId = forumRun.items[0]?.articleId ?? -1;
    const pairs = await db.pair.findMany({
      where: { claim: { articleId: forumTreatyId, speaker: { name: "Donald Trump" } }, response: { speaker: { name: "Shigeru Ishiba" } } },
      select: { relation: true, claim: { select: { text: true } }, response: { select: { text: true, articleId: true } } },
    });
    const rebuttal = pairs.find((pair) => pair.claim.text.includes(TRUMP_QUOTE) && pair.relation === "rebuts");
    expect(rebuttal, JSON.stringify(pairs)).toBeDefined();
    expect(rebuttal?.response.articleId).toBe(forumTreatyId);
  });

  it("pairs Ryuu96's comment with a claim in the AP piece (a pair across documents)", async () => {
    const apId = forumRun.items[1]?.articleId ?? -1;
    const commentId = forumRun.items[2]?.articleId ?? -1;
    const pairs = await db.pair.findMany({
      where: { claim: { articleId: apId }, response: { articleId: commentId } },
      select: { relation: true, claim: { select: { speaker: { select: { name: true } } } }, response: { select: { text: true, speaker: { select: { name: true, kind: true } } } } },
    });
    expect(pairs.length).toBeGreaterThanOrEqual(1);
    const pair = pairs.find((candidate) => candidate.response.text.includes("Article 5"));
    expect(pair, JSON.stringify(pairs)).toBeDefined();
    expect(pair).toMatchObject({ relation: "rebuts", claim: { speaker: { name: "Donald Trump" } }, response: { speaker: { name: "Ryuu96", kind: "commenter" } } });
    // A comment answering an article is shown with it: they share a story.
    const [ap, comment] = await Promise.all([
      db.article.findUniqueOrThrow({ where: { id: apId }, select: { storyId: true } }),
      db.article.findUniqueOrThrow({ where: { id: commentId }, select: { storyId: true } }),
    ]);
    expect(comment.storyId).toBe(ap.storyId);
  });

  it("keeps one row per speaker across articles, with role and country", async () => {
    const trumps = await db.speaker.findMany({ where: { nameKey: "donald trump" } });
    expect(trumps).toHaveLength(1);
    expect(trumps[0]).toMatchObject({ name: "Donald Trump", kind: "person", role: "President", country: "US" });
    const trumpArticles = await db.statement.findMany({ where: { speakerId: trumps[0]?.id ?? -1 }, distinct: ["articleId"], select: { articleId: true } });
    expect(trumpArticles.length).toBeGreaterThanOrEqual(3);
    const ishiba = await db.speaker.findMany({ where: { name: "Shigeru Ishiba" } });
    expect(ishiba).toHaveLength(1);
    expect(ishiba[0]).toMatchObject({ role: "Prime Minister", country: "JP" });
    const names = (await db.speaker.findMany({ select: { name: true, kind: true } })).map((speaker) => `${speaker.name}|${speaker.kind}`);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["Ryuu96|commenter", "AP News|outlet"]));
  });

  it("records the countries each article mentions", async () => {
    const codes = async (articleId: number | null | undefined) =>
      (await db.countryMention.findMany({ where: { articleId: articleId ?? -1 }, select: { code: true } })).map((row) => row.code);
    expect(await codes(forumRun.items[0]?.articleId)).toEqual(expect.arrayContaining(["US", "JP"]));
    expect(await codes(forumRun.items[1]?.articleId)).toEqual(expect.arrayContaining(["US"]));
    expect(await codes(forumRun.items[2]?.articleId)).toEqual(expect.arrayContaining(["US", "RU", "AF", "IQ"]));
    expect(await codes(treatyRun.items[0]?.articleId)).toEqual(expect.arrayContaining(["US", "JP"]));
  });

  it("re-ingesting everything twice changes no row counts except runs, and reports duplicates", async () => {
    const before = await tableCounts(db);
    expect(before.Article).toBe(4);
    for (let round = 0; round < 2; round += 1) {
      const forum = await ingestPaste(db, forumText, { label: `forum again ${round}` });
      const treaty = await ingestPaste(db, treatyText, { label: `treaty again ${round}` });
      expect(forum.status).toBe("succeeded");
      expect(forum.items.map((item) => item.outcome)).toEqual(["duplicate", "duplicate", "duplicate"]);
      expect(forum.items.map((item) => item.articleId)).toEqual(forumRun.items.map((item) => item.articleId));
      expect(treaty.items.map((item) => item.outcome)).toEqual(["duplicate"]);
      expect(treaty.items[0]?.articleId).toBe(treatyRun.items[0]?.articleId);
    }
    // A Windows copy of the same paste (CRLF line ends) is the same text.
    const crlf = await ingestPaste(db, forumText.replace(/\n/g, "\r\n"));
    expect(crlf.items.map((item) => item.outcome)).toEqual(["duplicate", "duplicate", "duplicate"]);
    const after = await tableCounts(db);
    expect(withoutRuns(after)).toEqual(withoutRuns(before));
    expect(after.IngestRun).toBe((before.IngestRun ?? 0) + 5);
    expect(after.IngestItem).toBe((before.IngestItem ?? 0) + 4 * 2 + 3);
    const outcomes = await db.ingestItem.groupBy({ by: ["outcome"], where: { run: { input: { contains: "again" } } }, _count: { _all: true } });
    expect(outcomes).toEqual([{ outcome: "duplicate", _count: { _all: 8 } }]);
  });

  it("refuses empty text and text with NUL bytes with a clear error, storing nothing", async () => {
    const before = await tableCounts(db);
    await expect(ingestPaste(db, "")).rejects.toThrow(IngestInputError);
    await expect(ingestPaste(db, "   \n\t  \r\n")).rejects.toThrow(/empty/);
    await expect(ingestPaste(db, `Trump said "fine".\u0000\u0001binary`)).rejects.toThrow(/NUL bytes/);
    await expect(ingestPaste(db, "\u0000")).rejects.toBeInstanceOf(IngestInputError);
    expect(await tableCounts(db)).toEqual(before);
    // The API's schema says the same before anything runs.
    const empty = ZIngestRequest.safeParse({ kind: "paste", text: "   " });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe("the text is empty");
    expect(ZIngestRequest.safeParse({ kind: "url", url: "javascript:alert(1)" }).success).toBe(false);
    const binary = ZIngestRequest.safeParse({ kind: "paste", text: "Officials said the talks would resume.\u0000" });
    expect(binary.success).toBe(false);
    expect(binary.error?.issues[0]?.message).toMatch(/NUL bytes/);
  });

  it("strips zero-width characters at the door, so they cut no speaker's name and offsets still fit", async () => {
    const pasted =
      "Madrid — Spanish Prime Minister Pedro Sanch\u200Bez said on Tuesday that the fisheries deal \u201Cprotects our coasts and our jobs.\u201D\n\nOpposition leaders re\u00ADjected the claim.";
    const run = await ingestPaste(db, pasted, { label: "zero-width paste" });
    expect(run.items.map((item) => item.outcome)).toEqual(["new"]);
    const article = await db.article.findUniqueOrThrow({
      where: { id: run.items[0]?.articleId ?? -1 },
      select: { text: true, statements: { select: { text: true, start: true, end: true, speaker: { select: { name: true } } } } },
    });
    expect(article.text).not.toMatch(/[\u200B\u00AD]/);
    expect(article.text).toContain("Pedro Sanchez said");
    expect(article.statements.map((statement) => statement.speaker?.name)).toContain("Pedro Sanchez");
    for (const statement of article.statements) expect(article.text.slice(statement.start, statement.end)).toBe(statement.text);
  });
});
