// Feeds end to end: every fixture format served over HTTP from a local server with realistic
// content types, subscribed and polled into a real database. Checks what a user would see: the
// items' titles, dates and authors, per-feed health and backoff, conditional GET, and per-item
// outcomes on each run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TIngestOptions } from "@/lib/ingest/pipeline";
import { backoffDelay, pollFeed, subscribeFeed } from "@/lib/ingest/poll-feed";
import type { TRunSummary } from "@/lib/ingest/runs";
import { exampleHostsResolver, startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const INTERVAL_MS = 10 * 60 * 1000;
// Item links to <name>.example are served by the local server under their own host names.
const options: TIngestOptions = { allowPrivateHosts: true, pollIntervalMs: INTERVAL_MS, fetch: { resolveHost: exampleHostsResolver, timeoutMs: 10_000 } };

type TServed = { path: string; fixture: string; contentType: string };
const FEEDS: Record<string, TServed> = {
  rss2: { path: "/feeds/harbour/world.rss", fixture: "feeds/rss2-content-encoded.xml", contentType: "application/rss+xml; charset=utf-8" },
  rss1: { path: "/feeds/valley.rdf", fixture: "feeds/rss1-rdf.xml", contentType: "application/rdf+xml" },
  atom: { path: "/feeds/meridian.atom", fixture: "feeds/atom-xhtml.xml", contentType: "application/atom+xml; charset=utf-8" },
  json: { path: "/feeds/northline.json", fixture: "feeds/json-feed.json", contentType: "application/feed+json" },
  cp1251: { path: "/feeds/zarechye.xml", fixture: "feeds/windows-1251.xml", contentType: "application/rss+xml; charset=windows-1251" },
  latin1: { path: "/feeds/reveil.xml", fixture: "feeds/latin-1.xml", contentType: "text/xml" },
  versionless: { path: "/feeds/lakeside.xml", fixture: "feeds/versionless-rss.xml", contentType: "text/xml; charset=utf-8" },
  bom: { path: "/feeds/morning.xml", fixture: "feeds/bom-utf8.xml", contentType: "application/xml" },
  ampersand: { path: "/feeds/trade.xml", fixture: "feeds/stray-ampersand.xml", contentType: "application/rss+xml" },
  truncated: { path: "/feeds/summit.xml", fixture: "feeds/truncated.xml", contentType: "application/rss+xml" },
  hostile: { path: "/feeds/mirror.xml", fixture: "feeds/hostile-links.xml", contentType: "application/rss+xml" },
  bomb: { path: "/feeds/bomb.xml", fixture: "feeds/entity-bomb.xml", contentType: "application/rss+xml" },
  noChannel: { path: "/feeds/orphan.xml", fixture: "feeds/no-channel.xml", contentType: "application/rss+xml" },
  summary: { path: "/feeds/riverton.rss", fixture: "ingest/summary-feed.xml", contentType: "application/rss+xml; charset=utf-8" },
};

describe.each(testTargets)("feeds on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;
  const runs = new Map<string, TRunSummary>();
  const feedIds = new Map<string, number>();

  async function poll(name: string): Promise<TRunSummary> {
    const feedId = feedIds.get(name) ?? -1;
    const run = await pollFeed(db, feedId, options);
    runs.set(name, run);
    return run;
  }

  async function articlesOf(name: string) {
    return db.article.findMany({
      where: { feedId: feedIds.get(name) ?? -1 },
      orderBy: { sortAt: "desc" },
      select: { id: true, title: true, author: true, publishedAt: true, canonicalUrl: true, text: true, outlet: { select: { name: true } } },
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    server = await startFeedServer();
    for (const [name, served] of Object.entries(FEEDS)) {
      await server.serveFile(served.path, served.fixture, { contentType: served.contentType, localLinks: true, conditional: name !== "rss1" });
      feedIds.set(name, (await subscribeFeed(db, server.url(served.path))).id);
    }
    const html = { contentType: "text/html; charset=utf-8" };
    await server.serveFile("/site/morningbrief.example/markets", "ingest/markets-page.html", html);
    await server.serveFile("/site/lakesidecourier.example/news/ferry-timetable", "ingest/ferry-page.html", html);
    await server.serveFile("/news/dam-inquiry", "ingest/article.html", html);
    for (const name of Object.keys(FEEDS)) await poll(name);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  it("subscribing twice to one feed keeps one subscription", async () => {
    const again = await subscribeFeed(db, server.url(FEEDS.rss2?.path ?? ""));
    expect(again.id).toBe(feedIds.get("rss2"));
    expect(await db.feed.count()).toBe(Object.keys(FEEDS).length);
  });

  it("RSS 2.0 with content:encoded: titles, authors, dates, tracking-free links", async () => {
    expect(runs.get("rss2")?.status).toBe("succeeded");
    const articles = await articlesOf("rss2");
    expect(articles.map((article) => article.title)).toEqual([
      "Coastal states agree on joint fisheries patrols",
      "Grain corridor talks resume after two-week pause",
    ]);
    expect(articles[0]).toMatchObject({ author: "Mara Ellison", outlet: { name: "The Harbour Ledger — World" } });
    expect(articles[0]?.publishedAt?.toISOString()).toBe("2026-03-16T08:15:00.000Z");
    expect(articles[0]?.canonicalUrl).toBe(`http://harbourledger.example:${new URL(server.base).port}/world/2026/03/16/fisheries-patrols`);
    expect(articles[0]?.text).toContain("We can no longer police these waters alone");
    expect(articles[1]?.author).toMatch(/Tomas Rieck/);
    expect(articles[1]?.publishedAt?.toISOString()).toBe("2026-03-15T17:40:00.000Z");
    const feed = await db.feed.findUniqueOrThrow({ where: { id: feedIds.get("rss2") ?? -1 } });
    expect(feed).toMatchObject({ title: "The Harbour Ledger — World", consecutiveFailures: 0, itemsSeen: 2, itemsNew: 2, lastError: null });
  });

  it("RSS 1.0 (RDF): dc:date and dc:creator", async () => {
    const articles = await articlesOf("rss1");
    expect(articles.map((article) => [article.title, article.author, article.publishedAt?.toISOString()])).toEqual([
      ["Council passes budget after late-night session", "Ilse Marwood", "2026-02-11T22:05:00.000Z"],
      ["Residents to vote on river bridge plan", "Pavel Ostrander", "2026-02-09T10:00:00.000Z"],
    ]);
  });

  it("Atom with XHTML titles: plain titles, author, published time", async () => {
    const articles = await articlesOf("atom");
    expect(articles.map((article) => article.title)).toEqual(["Ministers reject tariff plan", "Port strike enters third day"]);
    expect(articles[0]).toMatchObject({ author: "Noor Halvorsen", outlet: { name: "The Meridian Wire" } });
    expect(articles[0]?.publishedAt?.toISOString()).toBe("2026-04-02T11:20:00.000Z");
    expect(articles[0]?.text).toContain("It would cost more than it saves");
  });

  it("JSON Feed: items land, the javascript: and id-less items do not", async () => {
    const articles = await articlesOf("json");
    expect(articles.map((article) => article.title)).toEqual(["Ceasefire monitors arrive in border town", "Rail link reopens"]);
    expect(articles[0]?.author).toBe("Dana Korvel");
    expect(articles[0]?.publishedAt?.toISOString()).toBe("2026-05-12T04:30:00.000Z");
    expect(articles[0]?.text).not.toMatch(/onerror|<img/);
    expect(articles[1]?.text).toContain("<for the first time>");
    expect(runs.get("json")?.items.filter((item) => item.outcome === "failed").length).toBeGreaterThanOrEqual(1);
  });

  it("windows-1251 (charset header) and Latin-1 (XML declaration only) titles round-trip", async () => {
    const cyrillic = await articlesOf("cp1251");
    expect(cyrillic.map((article) => article.title)).toEqual(["Депутаты обсудили новый мост через реку"]);
    expect(cyrillic[0]?.publishedAt?.toISOString()).toBe("2026-02-03T07:00:00.000Z");
    expect(cyrillic[0]?.text).toContain("Ёлки на площади останутся до марта");
    expect((await db.feed.findUniqueOrThrow({ where: { id: feedIds.get("cp1251") ?? -1 } })).title).toBe("Вестник Заречья");
    const latin = await articlesOf("latin1");
    expect(latin.map((article) => article.title)).toEqual(["Pêcheurs et élus signent l'accord à Saint-Aubin"]);
    expect(latin[0]?.text).toContain("Un accord « historique », selon le maire. Größe: ½ des quotas.");
    expect((await db.feed.findUniqueOrThrow({ where: { id: feedIds.get("latin1") ?? -1 } })).title).toBe("Le Réveil Côtier");
  });

  it("versionless <rss>, a UTF-8 BOM and a stray & still land (items without text get it from their page)", async () => {
    const ferry = await articlesOf("versionless");
    expect(ferry.map((article) => article.title)).toEqual(["Ferry timetable changes from Monday"]);
    expect(ferry[0]?.text).toContain("every forty minutes");
    const bom = await articlesOf("bom");
    expect(bom.map((article) => article.title)).toEqual(["Markets open higher"]);
    expect(bom[0]?.text).toContain("lower-than-expected inflation");
    expect((await db.feed.findUniqueOrThrow({ where: { id: feedIds.get("bom") ?? -1 } })).title).toBe("Morning Brief — ünïcode");
    const trade = await articlesOf("ampersand");
    expect(trade.map((article) => article.title)).toEqual(["Freight & logistics ministers meet in Orlen"]);
    expect(trade[0]?.canonicalUrl).toContain("id=4&page=1");
    expect((await db.feed.findUniqueOrThrow({ where: { id: feedIds.get("ampersand") ?? -1 } })).title).toBe("Trade & Transport Weekly");
  });

  it("a truncated feed lands its complete items and records the damage", async () => {
    const articles = await articlesOf("truncated");
    expect(articles.map((article) => article.title)).toEqual(
      expect.arrayContaining(["Leaders arrive for the spring summit", "Security perimeter set up around the old town"]),
    );
    const feed = await db.feed.findUniqueOrThrow({ where: { id: feedIds.get("truncated") ?? -1 } });
    const run = runs.get("truncated");
    const failedItems = run?.items.filter((item) => item.outcome === "failed") ?? [];
    expect(feed.consecutiveFailures).toBe(0);
    expect(feed.lastSuccessAt).not.toBeNull();
    // Either a warning about the repair or a failed item, but never silence.
    expect(feed.lastError ?? failedItems.map((item) => item.reason).join("; ")).toMatch(/\S/);
  });

  it("javascript: links and scripts from a hostile feed are never stored (the item is kept without its link)", async () => {
    const run = runs.get("hostile");
    const bad = run?.items.find((item) => item.title?.startsWith("Election commission"));
    expect(bad).toMatchObject({ outcome: "new", url: null, reason: "From the feed item itself: it links to no page." });
    const kept = await db.article.findUniqueOrThrow({ where: { id: bad?.articleId ?? -1 }, select: { text: true, canonicalUrl: true, sourceUrl: true } });
    expect(kept).toMatchObject({ canonicalUrl: null, sourceUrl: null });
    expect(kept.text).toContain("Turnout was 64 percent.");
    expect(await db.article.count({ where: { OR: [{ canonicalUrl: { startsWith: "javascript:" } }, { sourceUrl: { startsWith: "javascript:" } }] } })).toBe(0);
    expect(await db.ingestItem.count({ where: { url: { startsWith: "javascript:" } } })).toBe(0);
    expect(await db.article.count({ where: { OR: [{ text: { contains: "<script" } }, { text: { contains: "steal()" } }, { text: { contains: "document.cookie" } }] } })).toBe(0);
  });

  it.each([
    ["bomb", /DOCTYPE|ENTITY/],
    ["noChannel", /channel/],
  ])("the %s feed fails with a clear per-feed error, a failed run and backoff", async (name, reason) => {
    const run = runs.get(name);
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatch(reason);
    const feed = await db.feed.findUniqueOrThrow({ where: { id: feedIds.get(name) ?? -1 } });
    expect(feed.lastError).toMatch(reason);
    expect(feed.consecutiveFailures).toBe(1);
    expect(feed.lastSuccessAt).toBeNull();
    expect(feed.lastFetchedAt).not.toBeNull();
    expect((feed.nextPollAt.getTime() - (feed.lastFetchedAt?.getTime() ?? 0))).toBe(backoffDelay(1, INTERVAL_MS));
    expect(backoffDelay(1, INTERVAL_MS)).toBeGreaterThan(INTERVAL_MS);
    const stored = await db.ingestRun.findUniqueOrThrow({ where: { id: run?.runId ?? -1 } });
    expect(stored).toMatchObject({ status: "failed", source: "feed", feedId: feed.id });
    expect(stored.error).toMatch(reason);
    expect(await db.article.count({ where: { feedId: feed.id } })).toBe(0);
    // Failing again doubles the wait.
    await poll(name);
    const again = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(again.consecutiveFailures).toBe(2);
    expect(again.nextPollAt.getTime() - (again.lastFetchedAt?.getTime() ?? 0)).toBe(backoffDelay(2, INTERVAL_MS));
  });

  it("a summary-only item gets its full text from its page; a page that 404s fails only that item", async () => {
    const run = runs.get("summary");
    expect(run?.status).toBe("partial");
    expect(run?.items.map((item) => [item.title, item.outcome])).toEqual([
      ["Engineers warned of dam cracks two years before the flood", "new"],
      ["Felsham school reopens after flood repairs", "new"],
      ["Marrow Bend bakery rebuilds", "failed"],
    ]);
    expect(run?.items[2]?.reason).toMatch(/404/);
    const articles = await articlesOf("summary");
    const dam = articles.find((article) => article.title.startsWith("Engineers"));
    expect(dam?.text).toContain("We told them in writing, twice");
    expect(dam?.text).not.toBe("Internal reports show the spillway cracks were known in 2024.");
    expect(dam?.author).toBe("Liesel Ambrose");
    expect(dam?.canonicalUrl).toBe("https://rivertonpost.example/news/2026/05/dam-inquiry");
    // The page that 404s but whose item has a summary falls back to the summary.
    expect(articles.find((article) => article.title.startsWith("Felsham"))?.text).toContain("three weeks of repairs");
    const felsham = await db.article.findFirstOrThrow({ where: { title: { startsWith: "Felsham" } }, select: { textNote: true } });
    expect(felsham.textNote).toMatch(/^From the feed's summary; the page could not be fetched: .*answered HTTP 404$/);
    expect(dam?.id).toBeDefined();
    expect((await db.article.findUniqueOrThrow({ where: { id: dam?.id ?? -1 }, select: { textNote: true } })).textNote).toBeNull();
    const feed = await db.feed.findUniqueOrThrow({ where: { id: feedIds.get("summary") ?? -1 } });
    expect(feed.lastError).toMatch(/1 item\(s\) failed.*404/);
    expect(feed.consecutiveFailures).toBe(0);
    const items = await db.ingestItem.findMany({ where: { runId: run?.runId ?? -1 }, orderBy: { position: "asc" } });
    expect(items.map((item) => item.outcome)).toEqual(["new", "new", "failed"]);
  });

  it("conditional GET: the second poll sends the ETag, gets 304, stores nothing and marks the feed healthy", async () => {
    const id = feedIds.get("rss2") ?? -1;
    const path = FEEDS.rss2?.path ?? "";
    const first = await db.feed.findUniqueOrThrow({ where: { id } });
    expect(first.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.lastModified).toMatch(/GMT$/);
    const articles = await db.article.count();
    const run = await pollFeed(db, id, options);
    expect(run).toMatchObject({ status: "succeeded", items: [] });
    const request = server.requests.filter((entry) => entry.path === path).at(-1);
    expect(request).toMatchObject({ ifNoneMatch: first.etag, status: 304 });
    expect(await db.article.count()).toBe(articles);
    const second = await db.feed.findUniqueOrThrow({ where: { id } });
    expect(second.lastSuccessAt?.getTime()).toBeGreaterThan(first.lastSuccessAt?.getTime() ?? Infinity);
    expect(second).toMatchObject({ etag: first.etag, itemsSeen: 2, itemsNew: 2, consecutiveFailures: 0 });
  });

  it("conditional GET with Last-Modified only: If-Modified-Since gets 304", async () => {
    const path = "/feeds/lastmod-only.xml";
    await server.serveFile(path, "feeds/bom-utf8.xml", { contentType: "application/rss+xml", conditional: true, validators: "last-modified", localLinks: true });
    const feed = await subscribeFeed(db, server.url(path));
    const first = await pollFeed(db, feed.id, options);
    // The same item as the BOM feed: already stored, so a duplicate.
    expect(first.items.map((item) => item.outcome)).toEqual(["duplicate"]);
    const stored = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(stored.etag).toBeNull();
    expect(stored.lastModified).toMatch(/GMT$/);
    const second = await pollFeed(db, feed.id, options);
    expect(second.items).toEqual([]);
    expect(server.requests.filter((entry) => entry.path === path).at(-1)).toMatchObject({ ifModifiedSince: stored.lastModified, ifNoneMatch: null, status: 304 });
  });

  it("re-polling a feed without validators records every item as a duplicate and creates nothing", async () => {
    const id = feedIds.get("rss1") ?? -1;
    const before = await db.article.count();
    const run = await poll("rss1");
    expect(run.status).toBe("succeeded");
    expect(run.items.map((item) => item.outcome)).toEqual(["duplicate", "duplicate"]);
    expect(await db.article.count()).toBe(before);
    const items = await db.ingestItem.findMany({ where: { runId: run.runId }, select: { outcome: true, articleId: true } });
    expect(items.every((item) => item.outcome === "duplicate" && item.articleId !== null)).toBe(true);
    const feed = await db.feed.findUniqueOrThrow({ where: { id } });
    expect(feed).toMatchObject({ itemsSeen: 4, itemsNew: 2 });
  });
});
