// Two ingesters on the same thing at once make one article, and an article that fails half-way
// through its transaction leaves nothing behind: no article, statement, speaker or story from it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { extract } from "@/lib/extract";
import type { TDocument } from "@/lib/extract/types";
import { ingestPaste, ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
import { storeDocument, type TDocumentToStore } from "@/lib/ingest/store-document";
import { subscribeFeed } from "@/lib/ingest/poll-feed";
import { startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const local: TIngestOptions = { allowPrivateHosts: true };
const CANONICAL = "https://rivertonpost.example/news/2026/05/dam-inquiry";

// Invented text with speakers found nowhere else in this file's database.
const CRASH_TEXT = [
  "Harbour master Mirela Vantosk said on Tuesday that the new breakwater would be finished before the autumn storms.",
  "“We have poured the last of the concrete and the armour stones arrive next week,” Vantosk said at the quay in Port Selby.",
  "Fisheries officer Anton Brezhal disputed the timetable, saying the stone barges had not yet left the quarry in Norway.",
].join("\n\n");

function crashDocument(text: string, change: (document: TDocument) => TDocument): TDocumentToStore {
  const extraction = extract(text);
  return {
    text,
    title: `Breakwater will be ready before the storms ${text.length}`,
    kind: "article",
    outlet: "Selby Harbour Gazette",
    outletDomain: "selbygazette.example",
    author: "Ines Calloway",
    publishedAt: new Date("2026-09-01T08:00:00Z"),
    description: null,
    canonicalUrl: `https://selbygazette.example/news/breakwater-${text.length}`,
    sourceUrl: null,
    feedId: null,
    pasteId: null,
    pastePosition: null,
    storyId: null,
    documents: extraction.documents.map(change),
  };
}

async function counts(db: PrismaClient) {
  const [articles, statements, speakers, stories, outlets, pairs, countries] = await Promise.all([
    db.article.count(),
    db.statement.count(),
    db.speaker.count(),
    db.story.count(),
    db.outlet.count(),
    db.pair.count(),
    db.countryMention.count(),
  ]);
  return { articles, statements, speakers, stories, outlets, pairs, countries };
}

describe.each(testTargets)("concurrent and failing ingestion on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let other: PrismaClient;
  let server: TFeedServer;
  let forumText: string;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    other = createPrismaClient(database.url);
    server = await startFeedServer();
    await server.serveFile("/news/dam-inquiry", "ingest/article.html", { contentType: "text/html; charset=utf-8" });
    forumText = await readFile(path.join(process.cwd(), "prisma", "seed-articles", "treaty-and-nato-forum-paste.txt"), "utf8");
  });

  afterAll(async () => {
    await db?.$disconnect();
    await other?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  it("the same article URL from two concurrent calls on one client makes one article", async () => {
    const url = server.url("/news/dam-inquiry");
    const runs = await Promise.all([ingestUrl(db, url, local), ingestUrl(db, url, local)]);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
    expect(runs.map((run) => run.items[0]?.outcome).sort()).toEqual(["duplicate", "new"]);
    expect(runs[0]?.items[0]?.articleId).toBe(runs[1]?.items[0]?.articleId);
    expect(await db.article.count({ where: { canonicalUrl: CANONICAL } })).toBe(1);
    expect(await db.article.count()).toBe(1);
    expect(await db.story.count()).toBe(1);
  });

  it("the same article URL from two PrismaClients at once (a poller and the admin page) makes one article", async () => {
    const url = `${server.url("/news/dam-inquiry")}?utm_source=share`;
    const before = await counts(db);
    const runs = await Promise.all([ingestUrl(db, url, local), ingestUrl(other, url, local), ingestUrl(other, url, local)]);
    expect(runs.every((run) => run.status === "succeeded")).toBe(true);
    expect(runs.map((run) => run.items[0]?.outcome)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(await counts(db)).toEqual(before);
  });

  it("the same paste from two concurrent calls (and two clients) makes each document once", async () => {
    const before = await counts(db);
    const runs = await Promise.all([ingestPaste(db, forumText), ingestPaste(other, forumText), ingestPaste(db, forumText)]);
    for (const run of runs) expect(run.status, JSON.stringify(run)).toBe("succeeded");
    // Position by position, the three runs name the same three articles; each was new exactly once.
    for (let position = 0; position < 3; position += 1) {
      const items = runs.map((run) => run.items[position]);
      expect(new Set(items.map((item) => item?.articleId)).size).toBe(1);
      expect(items.filter((item) => item?.outcome === "new")).toHaveLength(1);
      expect(items.filter((item) => item?.outcome === "duplicate")).toHaveLength(2);
    }
    const after = await counts(db);
    expect(after.articles).toBe(before.articles + 3);
    expect(await db.paste.count()).toBe(1);
    expect(await db.speaker.count({ where: { nameKey: "donald trump" } })).toBe(1);
    // The comment's answer to the AP piece is stored once, however many ingesters linked it.
    const commentId = runs[0]?.items[2]?.articleId ?? -1;
    const commentPairs = await db.pair.findMany({ where: { response: { articleId: commentId } }, select: { claimId: true, responseId: true } });
    expect(commentPairs.length).toBeGreaterThan(0);
    expect(new Set(commentPairs.map((pair) => `${pair.claimId}:${pair.responseId}`)).size).toBe(commentPairs.length);
  });

  it("two subscriptions of one feed URL at once make one feed", async () => {
    const url = "https://feeds.example/world.xml?utm_medium=rss";
    const feeds = await Promise.all([subscribeFeed(db, url), subscribeFeed(other, url), subscribeFeed(db, url)]);
    expect(new Set(feeds.map((feed) => feed.id)).size).toBe(1);
    expect(await db.feed.count({ where: { url: feeds[0]!.url } })).toBe(1);
  });

  it("a country code that breaks CHAR(2) mid-article rolls the whole article back", async () => {
    const before = await counts(db);
    const input = crashDocument(CRASH_TEXT, (document) => ({ ...document, countries: [...document.countries, { code: "USA", mentions: [] }] }));
    expect(input.documents.flatMap((document) => document.statements).length).toBeGreaterThan(0);
    expect(input.documents.flatMap((document) => document.speakers).map((speaker) => speaker.name)).toContain("Mirela Vantosk");
    await expect(storeDocument(db, input)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect(await db.article.count({ where: { canonicalUrl: input.canonicalUrl } })).toBe(0);
    expect(await db.speaker.count({ where: { name: { in: ["Mirela Vantosk", "Anton Brezhal"] } } })).toBe(0);
    expect(await db.outlet.count({ where: { name: "Selby Harbour Gazette" } })).toBe(0);
    expect(await db.statement.count({ where: { text: { contains: "armour stones" } } })).toBe(0);
  });

  it("a statement span that does not fit the column rolls the whole article back", async () => {
    const before = await counts(db);
    const text = `${CRASH_TEXT}\n\nThe gazette will follow the works.`;
    const input = crashDocument(text, (document) => ({
      ...document,
      statements: document.statements.map((statement, index) =>
        index === document.statements.length - 1 ? { ...statement, span: { start: 3_000_000_000, end: 3_000_000_100 } } : statement,
      ),
    }));
    await expect(storeDocument(db, input)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect(await db.speaker.count({ where: { name: "Mirela Vantosk" } })).toBe(0);
  });

  it("after a failed attempt the same article stores cleanly, once", async () => {
    const before = await counts(db);
    const input = crashDocument(CRASH_TEXT, (document) => document);
    const [first, second] = await Promise.all([storeDocument(db, input), storeDocument(other, input)]);
    expect([first.outcome, second.outcome].sort()).toEqual(["duplicate", "new"]);
    expect(first.articleId).toBe(second.articleId);
    const after = await counts(db);
    expect(after.articles).toBe(before.articles + 1);
    expect(after.statements).toBeGreaterThan(before.statements);
    expect(await db.speaker.count({ where: { name: "Mirela Vantosk" } })).toBe(1);
    expect(await db.statement.count({ where: { articleId: first.articleId, speaker: { name: "Mirela Vantosk" } } })).toBeGreaterThan(0);
  });
});
