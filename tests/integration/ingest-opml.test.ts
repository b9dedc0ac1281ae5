// OPML import end to end: a subscription list becomes feed subscriptions (the bad entry reported,
// not fatal), the imported feeds poll from a local server, and a DOCTYPE OPML is refused.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importOpml } from "@/lib/ingest/import-opml";
import { pollDueFeeds } from "@/lib/ingest/poll-feed";
import { FIXTURES, exampleHostsResolver, startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

describe.each(testTargets)("OPML import on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;
  const opml = async (name: string) => (await readFile(path.join(FIXTURES, "ingest", name), "utf8")).replaceAll("{{BASE}}", server.base);

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    server = await startFeedServer();
    await server.serveFile("/feeds/riverton.rss", "ingest/summary-feed.xml", { contentType: "application/rss+xml; charset=utf-8" });
    await server.serveFile("/feeds/valley.rdf", "feeds/rss1-rdf.xml", { contentType: "application/rdf+xml", localLinks: true });
    await server.serveFile("/news/dam-inquiry", "ingest/article.html", { contentType: "text/html; charset=utf-8" });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  it("subscribes to the two good feeds and reports the malformed entry", async () => {
    const result = await importOpml(db, await opml("subscriptions.opml"));
    expect(result.subscribed).toBe(2);
    expect(result.failed).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/non-http\(s\) URL: feed:\/\/not a url & never was/);
    const feeds = await db.feed.findMany({ orderBy: { url: "asc" }, select: { url: true } });
    // Tracking parameters are gone from the subscribed URL, as they are from article URLs.
    expect(feeds.map((feed) => feed.url)).toEqual([server.url("/feeds/riverton.rss"), server.url("/feeds/valley.rdf")]);
  });

  it("importing the same list again adds no subscription", async () => {
    const result = await importOpml(db, await opml("subscriptions.opml"));
    expect(result.subscribed).toBe(2);
    expect(await db.feed.count()).toBe(2);
  });

  it("the imported feeds poll and their items land", async () => {
    const runs = await pollDueFeeds(db, { allowPrivateHosts: true, fetch: { resolveHost: exampleHostsResolver } }, true);
    expect(runs).toHaveLength(2);
    expect(runs.map((run) => run.status).sort()).toEqual(["partial", "succeeded"]);
    const titles = (await db.article.findMany({ select: { title: true } })).map((article) => article.title);
    expect(titles).toEqual(expect.arrayContaining(["Engineers warned of dam cracks two years before the flood", "Council passes budget after late-night session"]));
    const feeds = await db.feed.findMany({ select: { title: true, lastSuccessAt: true } });
    expect(feeds.every((feed) => feed.lastSuccessAt !== null)).toBe(true);
    expect(feeds.map((feed) => feed.title).sort()).toEqual(["Riverton Post — Region", "Valley Observer"]);
  });

  it("refuses an OPML file with a DOCTYPE, subscribing to nothing", async () => {
    const before = await db.feed.count();
    const text = await opml("doctype.opml");
    await expect(importOpml(db, text)).rejects.toBeInstanceOf(AppError);
    await expect(importOpml(db, text)).rejects.toMatchObject({ code: "invalid_opml", status: 422, message: expect.stringMatching(/DOCTYPE/) });
    expect(await db.feed.count()).toBe(before);
  });

  it("refuses a file that is not OPML", async () => {
    await expect(importOpml(db, await readFile(path.join(FIXTURES, "feeds", "rss1-rdf.xml"), "utf8"))).rejects.toMatchObject({ code: "invalid_opml" });
  });
});
