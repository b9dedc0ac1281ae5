// Article URLs end to end: a page fetched from a local HTTP server becomes one Article with the
// page's own metadata; tracking-parameter variants, syndicated copies and edits are recognised;
// private addresses are refused unless explicitly allowed; a URL that is a feed gets subscribed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
import { startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

// The test network has no DNS: any name other than the local server's literal address fails fast.
const noDns = async (hostname: string): Promise<never> => {
  throw new Error(`no DNS in the test network for ${hostname}`);
};
const local: TIngestOptions = { allowPrivateHosts: true, fetch: { resolveHost: noDns, timeoutMs: 10_000 } };
const strict: TIngestOptions = { allowPrivateHosts: false, fetch: { timeoutMs: 10_000 } };
const CANONICAL = "https://rivertonpost.example/news/2026/05/dam-inquiry";

describe.each(testTargets)("article URLs on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;
  let articleId: number;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    server = await startFeedServer();
    const html = { contentType: "text/html; charset=utf-8" };
    await server.serveFile("/news/dam-inquiry", "ingest/article.html", html);
    await server.serveFile("/wire/spillway-reports", "ingest/article-syndicated.html", html);
    await server.serveFile("/feeds/harbour.rss", "feeds/rss2-content-encoded.xml", { contentType: "application/rss+xml; charset=utf-8" });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  it("stores a page as an article with its title, outlet, byline, time and canonical URL", async () => {
    const run = await ingestUrl(db, server.url("/news/dam-inquiry"), local);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.items).toHaveLength(1);
    expect(run.items[0]?.outcome).toBe("new");
    articleId = run.items[0]?.articleId ?? -1;
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { outlet: true } });
    expect(article.title).toBe("Engineers warned of dam cracks two years before the flood");
    expect(article.outlet?.name).toBe("The Riverton Post");
    expect(article.author).toBe("Liesel Ambrose");
    expect(article.publishedAt?.toISOString()).toBe("2026-05-04T07:30:00.000Z");
    // <link rel=canonical> with utm_*/fbclid stripped, not the URL it was fetched from.
    expect(article.canonicalUrl).toBe(CANONICAL);
    // Readability kept the story and dropped the page chrome.
    expect(article.text).toContain("Kessler Creek dam");
    expect(article.text).not.toMatch(/This site uses cookies|Most read|Rowing club|dataLayer/);
    const statements = await db.statement.findMany({ where: { articleId }, select: { text: true, speaker: { select: { name: true } } } });
    expect(statements.some((statement) => statement.speaker?.name === "Orla Venning" && statement.text.includes("concrete would not survive"))).toBe(true);
    expect(statements.some((statement) => statement.speaker?.name === "Tobias Kranefeld")).toBe(true);
  });

  it("the same URL with tracking parameters is a duplicate, not a second article", async () => {
    const run = await ingestUrl(db, `${server.url("/news/dam-inquiry")}?utm_source=x&utm_medium=social`, local);
    expect(run.status).toBe("succeeded");
    expect(run.items[0]).toMatchObject({ outcome: "duplicate", articleId });
    expect(await db.article.count()).toBe(1);
  });

  it("a syndicated copy (other headline, chrome and URL, same long text) is a near-duplicate", async () => {
    const statementsBefore = await db.statement.count();
    const run = await ingestUrl(db, server.url("/wire/spillway-reports"), local);
    expect(run.status).toBe("succeeded");
    expect(run.items[0]).toMatchObject({ outcome: "duplicate", articleId });
    expect(await db.article.count()).toBe(1);
    expect(await db.article.count({ where: { canonicalUrl: { contains: "valleywire" } } })).toBe(0);
    expect(await db.statement.count()).toBe(statementsBefore);
    expect(await db.outlet.count({ where: { name: "Valley Wire Service" } })).toBe(0);
  });

  it("the same canonical URL with changed text is an update with the new statements", async () => {
    await server.serveFile("/news/dam-inquiry", "ingest/article-updated.html", { contentType: "text/html; charset=utf-8" });
    const before = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { contentHash: true, storyId: true } });
    const run = await ingestUrl(db, server.url("/news/dam-inquiry"), local);
    expect(run.status).toBe("succeeded");
    expect(run.items[0]).toMatchObject({ outcome: "updated", articleId });
    expect(await db.article.count()).toBe(1);
    const after = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { contentHash: true, storyId: true, text: true } });
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.storyId).toBe(before.storyId);
    expect(after.text).toContain("Mistakes were made");
    const statements = await db.statement.findMany({ where: { articleId }, select: { text: true, start: true, end: true } });
    expect(statements.some((statement) => statement.text.includes("Mistakes were made"))).toBe(true);
    // Offsets point into the new text, and the old statements were replaced, not doubled.
    for (const statement of statements) expect(after.text.slice(statement.start, statement.end)).toContain(statement.text.slice(0, 20));
    expect(statements.filter((statement) => statement.text.includes("concrete would not survive"))).toHaveLength(1);
    const item = await db.ingestItem.findFirstOrThrow({ where: { runId: run.runId } });
    expect(item.outcome).toBe("updated");
  });

  it("refuses the local server's loopback address when private hosts are not allowed, storing nothing", async () => {
    const hits = server.requests.length;
    const articles = await db.article.count();
    const run = await ingestUrl(db, server.url("/news/dam-inquiry"), strict);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/127\.0\.0\.1/);
    expect(run.error).toMatch(/loopback/);
    expect(run.items[0]).toMatchObject({ outcome: "failed", articleId: null });
    const stored = await db.ingestRun.findUniqueOrThrow({ where: { id: run.runId }, include: { items: true } });
    expect(stored.status).toBe("failed");
    expect(stored.items[0]?.reason).toMatch(/127\.0\.0\.1/);
    expect(await db.article.count()).toBe(articles);
    expect(server.requests.length).toBe(hits);
  });

  it("refuses a public-looking name that resolves to the local server, storing nothing", async () => {
    const hits = server.requests.length;
    const port = new URL(server.base).port;
    const run = await ingestUrl(db, `http://news.counterpoint.test:${port}/news/dam-inquiry`, {
      allowPrivateHosts: false,
      fetch: { resolveHost: async () => [{ address: "127.0.0.1", family: 4 }] },
    });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/resolves to 127\.0\.0\.1/);
    expect(server.requests.length).toBe(hits);
    expect(await db.article.count()).toBe(1);
  });

  it("subscribes to and polls a URL that serves a feed instead of storing it as a page", async () => {
    const url = server.url("/feeds/harbour.rss");
    const run = await ingestUrl(db, url, local);
    const feed = await db.feed.findUniqueOrThrow({ where: { url } });
    expect(feed.title).toBe("The Harbour Ledger — World");
    expect(feed.lastSuccessAt).not.toBeNull();
    const stored = await db.ingestRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(stored).toMatchObject({ source: "feed", feedId: feed.id });
    expect(run.items.map((item) => item.outcome)).toEqual(["new", "new"]);
    const articles = await db.article.findMany({ where: { feedId: feed.id }, select: { title: true, canonicalUrl: true }, orderBy: { title: "asc" } });
    expect(articles.map((article) => article.title)).toEqual([
      "Coastal states agree on joint fisheries patrols",
      "Grain corridor talks resume after two-week pause",
    ]);
    expect(articles[0]?.canonicalUrl).toBe("https://harbourledger.example/world/2026/03/16/fisheries-patrols");
    expect(await db.article.count({ where: { title: { contains: "Harbour Ledger" } } })).toBe(0);
  });
});
