// Subscribing stores a feed only once it has been fetched and parsed: a refused (private) address,
// a page that is not a feed or a broken feed gives a clear error and leaves no subscription behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runIngestRequest } from "@/lib/ingest/ingest-request";
import { ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
import { subscribeFetchedFeed } from "@/lib/ingest/poll-feed";
import { startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const publicOnly: TIngestOptions = { allowPrivateHosts: false, fetch: { timeoutMs: 10_000 } };
const localAllowed: TIngestOptions = { allowPrivateHosts: true, fetch: { timeoutMs: 10_000 } };

describe.each(testTargets)("checked feed subscriptions on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    server = await startFeedServer();
    await server.serveFile("/feeds/lakeside.xml", "feeds/versionless-rss.xml", { contentType: "text/xml; charset=utf-8" });
    await server.serveFile("/news/dam-inquiry", "ingest/article.html", { contentType: "text/html; charset=utf-8" });
    await server.serveFile("/feeds/orphan.xml", "feeds/no-channel.xml", { contentType: "application/rss+xml" });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  it("a feed on a private address is refused with the reason and not subscribed (API/admin subscribe)", async () => {
    const attempt = subscribeFetchedFeed(db, server.url("/feeds/lakeside.xml"), publicOnly);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ status: 422, code: "feed_unavailable", message: expect.stringMatching(/not subscribed to .*Refusing 127\.0\.0\.1/) });
    expect(await db.feed.count()).toBe(0);
  });

  it("a page that is not a feed is not subscribed", async () => {
    await expect(subscribeFetchedFeed(db, server.url("/news/dam-inquiry"), localAllowed)).rejects.toMatchObject({ code: "feed_unavailable" });
    expect(await db.feed.count()).toBe(0);
  });

  it("a refused feed through the ingest door (API, admin form) is a failed run and no subscription", async () => {
    const summary = await runIngestRequest(db, { kind: "feed", url: server.url("/feeds/lakeside.xml") }, publicOnly);
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/Refusing 127\.0\.0\.1/);
    expect(await db.feed.count()).toBe(0);
  });

  it("a URL that looks like a feed but cannot be parsed (command line) is a failed run and no subscription", async () => {
    const summary = await ingestUrl(db, server.url("/feeds/orphan.xml"), localAllowed);
    expect(summary.status).toBe("failed");
    expect(summary.error).toContain("not subscribed");
    expect(await db.feed.count()).toBe(0);
  });

  it("a feed that answers is subscribed once and polled", async () => {
    const { feed } = await subscribeFetchedFeed(db, server.url("/feeds/lakeside.xml"), localAllowed);
    const summary = await runIngestRequest(db, { kind: "feed", url: server.url("/feeds/lakeside.xml") }, localAllowed);
    // The feed itself was fetched and parsed (its items' own pages live on hosts this test does not serve).
    expect(summary.error).toBeNull();
    expect(summary.items.length).toBeGreaterThan(0);
    expect(await db.feed.findMany({ select: { id: true } })).toEqual([{ id: feed.id }]);
    expect(await db.ingestRun.count({ where: { feedId: feed.id } })).toBe(1);
  });
});
