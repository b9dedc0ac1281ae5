// Real-world feed shapes that used to fail (issue 10, item 4), each handed in as a file through the
// door the command line, the admin upload and the API share, into a real database: items with no
// link, empty guids, RSS 0.93 and 0.91, UTF-16/32 with a BOM, Shift_JIS, a gzip file (and a gzip
// bomb), and a feed whose item pages 404, never answer or refuse the connection. Each test checks
// what a user gets (the stored articles' fields, or a one-line reason and nothing stored) and that
// ingesting the same file again adds nothing.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { ZIngestRequest, runIngestRequest } from "@/lib/ingest/ingest-request";
import type { TIngestOptions } from "@/lib/ingest/pipeline";
import { pollFeed, subscribeFeed } from "@/lib/ingest/poll-feed";
import type { TRunSummary } from "@/lib/ingest/runs";
import { listRecentRuns } from "@/lib/queries/feeds";
import { FIXTURES, exampleHostsResolver, startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const FEEDS_DIR = path.join(FIXTURES, "real-world", "feeds");

// Item links to <name>.example reach the local server, which has no page for them (404). Short
// fetch budgets keep the stalled page quick; no test asserts how long anything took.
const options: TIngestOptions = {
  allowPrivateHosts: true,
  pollIntervalMs: 60_000,
  fetch: { resolveHost: exampleHostsResolver, headersTimeoutMs: 1_000, timeoutMs: 2_000 },
};

/** A port nothing listens on: a server is opened there and closed again. */
async function refusedBase(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const TRAM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Brannock mayor defends tram budget | Brannock Daily</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Brannock mayor defends tram budget</h1>
<p>Mayor Celia Draxler on Friday defended the budget of the tram extension against critics on the council who say its costs have doubled since the plan was approved.</p>
<p>"The extension to Harrow Gate is the largest project the city has undertaken in a generation, and it will stay within the budget the council approved," Draxler told councillors at a packed meeting in the town hall.</p>
<p>Councillor Anton Weir, who leads the opposition group, rejected that. "The mayor has moved money from the bus network to cover the overrun and calls that staying within budget," he said.</p>
<p>The city's auditor is due to publish a review of the project's accounts in January. Work on the first section of track began in September and the line is due to open in 2029.</p>
</article></main><footer>© Brannock Daily</footer></body></html>`;

const outcomes = (run: TRunSummary) => run.items.map((item) => item.outcome);

describe.each(testTargets)("real-world feed files on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;
  let refused: string;

  const fixture = (name: string) => readFile(path.join(FEEDS_DIR, name));
  const ingest = (name: string, bytes: Uint8Array) => ingestFile(db, bytes, name, options);

  async function ingestTwice(name: string, bytes?: Uint8Array): Promise<{ first: TRunSummary; again: TRunSummary }> {
    const input = bytes ?? (await fixture(name));
    const first = await ingest(name, input);
    const articles = await db.article.count();
    const again = await ingest(name, input);
    expect(await db.article.count()).toBe(articles);
    return { first, again };
  }

  const articleTitled = (title: string) =>
    db.article.findFirstOrThrow({
      where: { title },
      select: { slug: true, title: true, text: true, canonicalUrl: true, sourceUrl: true, feedItemKey: true, textNote: true, publishedAt: true, outlet: { select: { name: true, domain: true } } },
    });

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    server = await startFeedServer();
    refused = await refusedBase();
    server.set("/news/port-strike-stalls", { stall: true });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  it("items with no link are stored from their own text under a permalink here; one with no text fails with its reason", async () => {
    const { first, again } = await ingestTwice("linkless-items.xml");
    expect(first.status).toBe("partial");
    expect(outcomes(first)).toEqual(["new", "new", "failed"]);
    expect(first.items[2]).toMatchObject({ title: "Bulletin index updated", reason: "the item has no link and no text of its own: there is nothing to store" });
    expect(outcomes(again)).toEqual(["duplicate", "duplicate", "failed"]);

    const bypass = await articleTitled("Council delays vote on the northern bypass");
    expect(bypass).toMatchObject({ canonicalUrl: null, sourceUrl: null, textNote: "From the feed item itself: it links to no page." });
    expect(bypass.slug).toMatch(/^council-delays-vote-on-the-northern-bypass-[0-9a-f]{8}$/);
    expect(bypass.text).toContain("We need the traffic study before we spend a single crown");
    expect(bypass.publishedAt?.toISOString()).toBe("2026-11-10T18:00:00.000Z");
    expect(bypass.outlet).toEqual({ name: "Ostrava Vale Council Bulletin", domain: "bulletin.ostravavale.example" });
    const library = await articleTitled("Library opens on Sundays from December");
    expect(library.text).toContain("petition signed by 2,400 residents");
    expect(library.feedItemKey).not.toBe(bypass.feedItemKey);

    // The guid is the item's identity: the same item with corrected text updates its article.
    const corrected = Buffer.from((await fixture("linkless-items.xml")).toString("utf8").replace("until January", "until February"));
    const before = await db.article.count();
    const edit = await ingest("linkless-items.xml", corrected);
    expect(outcomes(edit)).toEqual(["updated", "duplicate", "failed"]);
    expect(await db.article.count()).toBe(before);
    expect((await articleTitled("Council delays vote on the northern bypass")).text).toContain("until February");
  });

  it("an empty <guid> falls back to the link, a blank one without a link to the item's words", async () => {
    const { first, again } = await ingestTwice("empty-guid.xml");
    expect(first.items.map((item) => [item.outcome, item.reason?.includes("Too small") ?? false])).toEqual([
      ["new", false],
      ["new", false],
    ]);
    expect(outcomes(again)).toEqual(["duplicate", "duplicate"]);
    const resign = await articleTitled("Harbour master resigns over dredging contract");
    expect(resign.canonicalUrl).toBe("https://kesslinggazette.example/2026/11/harbour-master-resigns");
    expect(resign.text).toContain("I will not sign a contract I cannot defend");
    const ferry = await db.article.findFirstOrThrow({ where: { text: { contains: "Ferry services to Lindholm Island" } }, select: { canonicalUrl: true, feedItemKey: true } });
    expect(ferry.canonicalUrl).toBeNull();
    expect(ferry.feedItemKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it("RSS 0.93, and RSS 0.91 with Netscape's DOCTYPE and HTML entity names, are read", async () => {
    const v093 = await ingestTwice("rss-093.xml");
    expect(outcomes(v093.first)).toEqual(["new"]);
    expect(outcomes(v093.again)).toEqual(["duplicate"]);
    const water = await articleTitled("Water board raises rates by nine percent");
    expect(water.text).toContain("Our pipes are older than most of our customers");
    expect(water.outlet?.name).toBe("Delmar Valley Courier");

    const v091 = await ingestTwice("rss-091-netscape.xml");
    expect(outcomes(v091.first)).toEqual(["new"]);
    expect(outcomes(v091.again)).toEqual(["duplicate"]);
    const budget = await articleTitled("La mairie présente le budget 2027");
    expect(budget.text).toMatch(/défendu un budget « ?prudent ?»/);
    expect(budget.text).toContain("impôts");
    expect(budget.outlet?.name).toBe("Le Journal de Valbrune");
  });

  it.each([
    ["utf-16be-bom.xml", "Night train to link Łódź and Thessaloniki", "Kolej Północna — ünïcode"],
    ["utf-32le-bom.xml", "Νυχτερινό τρένο Λοτζ – Θεσσαλονίκη", "Σιδηρόδρομος Βορρά"],
    ["utf-32be-bom.xml", "Night train planned from March", "Rail North 🚆"],
  ])("%s is decoded by its byte-order mark", async (name, title, outlet) => {
    const { first, again } = await ingestTwice(name);
    expect(outcomes(first)).toEqual(["new"]);
    expect(outcomes(again)).toEqual(["duplicate"]);
    const article = await articleTitled(title);
    expect(article.text).toContain("Łódź and Θεσσαλονίκη will be linked by a night train 🚆 from March");
    expect(article.outlet?.name).toBe(outlet);
  });

  it("Shift_JIS named only by the XML declaration is decoded", async () => {
    const { first } = await ingestTwice("shift-jis.xml");
    expect(outcomes(first)).toEqual(["new"]);
    const article = await articleTitled("市長、新しい橋の計画を発表");
    expect(article.text).toContain("三年以内に完成させる");
    expect(article.outlet?.name).toBe("北浜新報");
  });

  it("a UTF-32 feed served over HTTP with no charset is polled like any other", async () => {
    await server.serveFile("/feeds/railnorth.xml", "real-world/feeds/utf-32be-bom.xml", { contentType: "application/rss+xml" });
    const feed = await subscribeFeed(db, server.url("/feeds/railnorth.xml"));
    const run = await pollFeed(db, feed.id, options);
    // The same item as the UTF-32BE file above.
    expect(run).toMatchObject({ status: "succeeded", error: null });
    expect(outcomes(run)).toEqual(["duplicate"]);
    expect((await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).title).toBe("Rail North 🚆");
  });

  it("a gzip-compressed feed file is inflated and ingested", async () => {
    const { first, again } = await ingestTwice("gzipped-feed.xml.gz");
    expect(outcomes(first)).toEqual(["new"]);
    expect(outcomes(again)).toEqual(["duplicate"]);
    const article = await articleTitled("Nachtzug verbindet Łódź und Thessaloniki");
    expect(article.outlet?.name).toBe("Ostbahn Kurier");

    // The same file served as application/gzip (no Content-Encoding) is a feed too.
    await server.serveFile("/feeds/kurier.xml.gz", "real-world/feeds/gzipped-feed.xml.gz", { contentType: "application/gzip" });
    const feed = await subscribeFeed(db, server.url("/feeds/kurier.xml.gz"));
    const run = await pollFeed(db, feed.id, options);
    expect(run).toMatchObject({ status: "succeeded", error: null });
    expect(outcomes(run)).toEqual(["duplicate"]);
    expect((await db.feed.findUniqueOrThrow({ where: { id: feed.id } })).title).toBe("Ostbahn Kurier");
  });

  it("the API takes a gzip-compressed feed file as base64 through the same door", async () => {
    const feed = (await fixture("rss-093.xml")).toString("utf8").replace("Water board raises rates", "Sewer board raises rates").replace("Our pipes", "Our sewers").replace("/stories/water-rates", "/stories/sewer-rates");
    const request = ZIngestRequest.parse({ kind: "file", name: "courier.xml.gz", base64: gzipSync(Buffer.from(feed)).toString("base64") });
    const run = await runIngestRequest(db, request, options);
    expect(outcomes(run)).toEqual(["new"]);
    expect((await articleTitled("Sewer board raises rates by nine percent")).text).toContain("Our sewers are older than most of our customers");
    expect((await db.ingestRun.findUniqueOrThrow({ where: { id: run.runId } })).input).toBe("courier.xml.gz");
    expect(ZIngestRequest.safeParse({ kind: "file", name: "x.gz", base64: "not base64!" }).success).toBe(false);
  });

  it("a gzip bomb and a cut-short gzip file are refused with one line, and nothing is stored", async () => {
    const counts = async () => [await db.article.count(), await db.ingestRun.count(), await db.paste.count()];
    const before = await counts();
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, " "));
    await expect(ingest("bomb.xml.gz", bomb)).rejects.toThrow(/^the gzip-compressed input inflates to more than the 5242880-byte cap$/);
    const cut = await fixture("gzipped-feed.xml.gz");
    await expect(ingest("cut.xml.gz", cut.subarray(0, cut.length / 2))).rejects.toThrow(/^the input is gzip-compressed but corrupt or cut short$/);
    expect(await counts()).toEqual(before);
  });

  it("items whose pages 404, stall or refuse keep the feed's text, marked; an item with no text fails with its reason", async () => {
    const text = (await fixture("unreachable-pages.xml")).toString("utf8").replaceAll("{{BASE}}", server.base).replaceAll("{{REFUSED}}", refused);
    const bytes = Buffer.from(text);
    const { first, again } = await ingestTwice("unreachable-pages.xml", bytes);
    expect(first.status).toBe("partial");
    expect(outcomes(first)).toEqual(["new", "new", "new", "failed"]);
    expect(first.items[0]?.reason).toMatch(/^From the feed's summary; the page could not be fetched: .*answered HTTP 404$/);
    expect(first.items[1]?.reason).toMatch(/^From the feed's summary; the page could not be fetched: .*(sent no complete response headers|took longer than)/);
    expect(first.items[2]?.reason).toMatch(/^From the feed's summary; the page could not be fetched: .*(refused|ECONNREFUSED)/i);
    expect(first.items[3]).toMatchObject({ title: "Photo gallery: autumn in Brannock", articleId: null });
    expect(first.items[3]?.reason).toMatch(/^the page could not be fetched: .*answered HTTP 404; the feed gives no text for the item either$/);

    const tram = await articleTitled("Brannock mayor defends tram budget");
    expect(tram.text).toContain("Not one kroner more");
    expect(tram.textNote).toBe(first.items[0]?.reason);
    expect(tram.canonicalUrl).toBe(`${server.base}/news/tram-budget`);
    expect((await articleTitled("Strike closes Brannock port for a second day")).text).toContain("The union said talks had broken down.");

    // Polled again while the pages are still down: nothing new, the notes stay, the failure too.
    expect(outcomes(again)).toEqual(["duplicate", "duplicate", "duplicate", "failed"]);
    expect(again.items[0]?.reason).toMatch(/HTTP 404/);

    // The admin's run view lists the same outcome and reason for every item.
    const shown = (await listRecentRuns(db)).find((run) => run.id === first.runId);
    expect(shown?.items.map((item) => [item.outcome, item.reason])).toEqual(first.items.map((item) => [item.outcome, item.reason]));

    // Once the page answers, the article takes the page's text and loses its note.
    server.set("/news/tram-budget", { contentType: "text/html; charset=utf-8", body: TRAM_PAGE });
    const later = await ingest("unreachable-pages.xml", bytes);
    expect(later.items[0]).toMatchObject({ outcome: "updated", reason: null });
    const updated = await db.article.findUniqueOrThrow({ where: { canonicalUrl: `${server.base}/news/tram-budget` }, select: { textNote: true, text: true } });
    expect(updated.textNote).toBeNull();
    expect(updated.text).toContain("The extension to Harrow Gate is the largest project the city has undertaken");
  });
});
