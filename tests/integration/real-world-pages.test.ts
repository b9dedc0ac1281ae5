// Pages and files in the shape of what real sites send (tests/fixtures/real-world/pages/), through
// the real doors: a file or pasted body (`npm run ingest -- file`, the admin upload, `POST
// /api/ingest`) and an article URL served over loopback. A bad date never costs the article and is
// reported; an undated article is stored with no date (never "now"); markup that is neither a feed
// nor an article page is refused with one line and stores nothing; re-ingesting adds nothing.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { createPrismaClient, disconnectPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestBody } from "@/lib/ingest/ingest-body";
import { runIngestRequest } from "@/lib/ingest/ingest-request";
import { ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
import type { TRunSummary } from "@/lib/ingest/runs";
import { FIXTURES, startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const { listTimeline } = await import("@/lib/queries/timeline");

const root = path.resolve(import.meta.dirname, "../..");
const PAGES = path.join(FIXTURES, "real-world", "pages");

// No DNS in the test network: item links of a feed file cannot be fetched, so items keep the feed's text.
const noDns = async (hostname: string): Promise<never> => {
  throw new Error(`no DNS in the test network for ${hostname}`);
};
const local: TIngestOptions = { allowPrivateHosts: true, fetch: { resolveHost: noDns, timeoutMs: 10_000 } };

const fixture = (name: string) => readFile(path.join(PAGES, name), "utf8");

// Short real pages, stored, and pages that are not articles, refused: served over loopback.
const SHORT_PAGES = ["short-ministry-statement", "short-denial", "login-wall", "paywall", "cookie-wall", "app-shell", "nav-only"];

describe.each(testTargets)("real-world pages and files on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;
  const startedAt = new Date();

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    process.env.DATABASE_URL = database.url;
    server = await startFeedServer();
    const html = { contentType: "text/html; charset=utf-8" };
    await server.serveFile("/news/elm-street-bridge-trucks", "real-world/pages/bad-date-json-ld.html", html);
    await server.serveFile("/2019/05/14/politics/harbor-bill.html", "real-world/pages/url-date-only.html", html);
    await server.serveFile("/news/story", "real-world/pages/challenge-page.html", html);
    await server.serveFile("/news/moved-story", "real-world/pages/error-page.html", html);
    await server.serveFile("/export/bomb.xml", "real-world/pages/billion-laughs.xml", { contentType: "application/xml" });
    for (const name of SHORT_PAGES) await server.serveFile(`/short/${name}`, `real-world/pages/${name}.html`, html);
    await server.serveFile("/feed-items/denial", "real-world/pages/short-denial.html", html);
    await server.serveFile("/fact-checks/dunmore-ferry-subsidy", "real-world/pages/fact-check-subheads.html", html);
    await server.serveFile("/feed-items/statement", "real-world/pages/short-ministry-statement.html", html);
  });

  afterAll(async () => {
    await disconnectPrisma();
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  const ingestFile = async (name: string) => ingestBody(db, { text: await fixture(name), label: name }, local);

  async function storedArticle(run: TRunSummary) {
    expect(run.status, run.error ?? JSON.stringify(run.items)).toBe("succeeded");
    expect(run.items).toHaveLength(1);
    return db.article.findUniqueOrThrow({ where: { id: run.items[0]!.articleId! } });
  }

  it("stores a page whose JSON-LD says 0000-12-18 without a date, and says why on the run", async () => {
    const run = await ingestUrl(db, server.url("/news/elm-street-bridge-trucks"), local);
    const article = await storedArticle(run);
    expect(run.items[0]?.outcome).toBe("new");
    expect(run.items[0]?.reason).toBe('date dropped: JSON-LD datePublished "0000-12-18" is before 1900');
    expect(article.title).toBe("County closes Elm Street bridge to heavy trucks");
    expect(article.publishedAt).toBeNull();
    // Placed on the timeline by when it was added, which is recorded as such.
    expect(article.sortAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    const item = await db.ingestItem.findFirstOrThrow({ where: { runId: run.runId } });
    expect(item.reason).toContain("0000-12-18");
  });

  it("takes the date from the URL when the page states none", async () => {
    const article = await storedArticle(await ingestUrl(db, server.url("/2019/05/14/politics/harbor-bill.html"), local));
    expect(article.title).toBe("Senate passes harbor dredging bill after long night");
    expect(article.publishedAt?.toISOString()).toBe("2019-05-14T00:00:00.000Z");
    expect(article.sortAt.toISOString()).toBe("2019-05-14T00:00:00.000Z");
  });

  it("takes the date from a <time> element's text and from a wire dateline", async () => {
    const timed = await storedArticle(await ingestFile("time-text-only.html"));
    expect(timed.title).toBe("Library extends weekend hours for exam season");
    expect(timed.publishedAt?.toISOString()).toBe("2019-05-14T14:30:00.000Z");
    const wire = await storedArticle(await ingestFile("dateline.html"));
    expect(wire.publishedAt?.toISOString()).toBe("2020-03-03T00:00:00.000Z");
  });

  it("stores a page with no date at all with none, not today, and no note", async () => {
    const run = await ingestFile("no-date.html");
    const article = await storedArticle(run);
    expect(run.items[0]?.reason).toBeNull();
    expect(article.title).toBe("Mayor defends new parking fees downtown");
    expect(article.publishedAt).toBeNull();
    expect(article.text).not.toMatch(/<[a-z!/]/i);
  });

  it("shows the undated article on the timeline by when it was added, but not under a publication-date filter", async () => {
    const cards = (await listTimeline({})).stories.flatMap((story) => story.articles);
    const undated = cards.find((card) => card.title === "Mayor defends new parking fees downtown");
    expect(undated?.publishedAt).toBeNull();
    expect(undated?.ingestedAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    const today = new Date().toISOString().slice(0, 10);
    const filtered = (await listTimeline({ from: today, to: today })).stories.flatMap((story) => story.articles.map((card) => card.title));
    expect(filtered).not.toContain("Mayor defends new parking fees downtown");
    const may2019 = (await listTimeline({ from: "2019-05-14", to: "2019-05-14" })).stories.flatMap((story) => story.articles.map((card) => card.title));
    expect(may2019.sort()).toEqual(["Library extends weekend hours for exam season", "Senate passes harbor dredging bill after long night"]);
  });

  it("drops a date years in the future, keeping the article", async () => {
    const run = await ingestFile("future-date.html");
    const article = await storedArticle(run);
    expect(article.publishedAt).toBeNull();
    expect(run.items[0]?.reason).toBe('date dropped: meta article:published_time "2031-07-01T09:00:00Z" is more than a day in the future');
  });

  it("keeps a feed item whose pubDate is year 0000, undated, beside its dated sibling", async () => {
    const run = await ingestFile("bad-item-dates.xml");
    expect(run.status, JSON.stringify(run.items)).toBe("succeeded");
    const articles = await db.article.findMany({ where: { id: { in: run.items.map((item) => item.articleId!) } }, orderBy: { title: "asc" } });
    expect(articles.map((a) => [a.title, a.publishedAt?.toISOString() ?? null])).toEqual([
      ["Dock workers vote to accept new contract", null],
      ["Harbour master warns of fog delays", "2019-05-14T08:00:00.000Z"],
    ]);
  });

  it("reads markup pasted as text as the page it is: title and date from its metadata, no tags in the text", async () => {
    const run = await runIngestRequest(db, { kind: "paste", text: await fixture("markup-pasted.txt"), label: "pasted page" }, local);
    const article = await storedArticle(run);
    expect(article.title).toBe("Council approves new cycle lanes on the ring road");
    expect(article.publishedAt?.toISOString()).toBe("2024-09-12T06:45:00.000Z");
    expect(article.text.startsWith("Eastbrook council approved")).toBe(true);
    expect(article.text).not.toMatch(/<[a-z!/?]/i);
  });

  const REFUSED: [string, RegExp][] = [
    ["challenge-page.html", /^challenge-page\.html is HTML but not an article page: the page is a browser check \(“Just a moment\.\.\.”\), not an article; nothing stored$/],
    ["error-page.html", /^error-page\.html is HTML but not an article page: the page is an error page \(“Page Not Found \| The Morning Post”\), not an article; nothing stored$/],
    ["billion-laughs.xml", /^billion-laughs\.xml is XML with a DOCTYPE or ENTITY declaration, not a feed or an article page; refused, nothing stored$/],
    ["xxe.xml", /^xxe\.xml is not a readable feed: Feeds with a DOCTYPE or ENTITY declaration are refused \(entity-expansion risk\); nothing stored$/],
    ["truncated-feed.xml", /^truncated-feed\.xml is not a readable feed: Malformed feed XML: Unclosed root tag, .*; nothing stored$/],
  ];

  it.each(REFUSED)("refuses %s with one line and stores nothing, not even a run", async (name, message) => {
    const [articles, runs] = await Promise.all([db.article.count(), db.ingestRun.count()]);
    const error = await ingestFile(name).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain("\n");
    expect(await db.article.count()).toBe(articles);
    expect(await db.ingestRun.count()).toBe(runs);
    expect(await db.article.count({ where: { title: { startsWith: "<" } } })).toBe(0);
  });

  it("refuses a feed file with no items instead of reporting an empty success", async () => {
    const empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Wire</title><link>https://quiet.example/</link></channel></rss>';
    await expect(ingestBody(db, { text: empty, label: "quiet.xml" }, local)).rejects.toThrow(/^quiet\.xml is a feed with no items left to read; nothing stored$/);
  });

  it("refuses the same markup pasted into POST /api/ingest", async () => {
    const articles = await db.article.count();
    await expect(runIngestRequest(db, { kind: "paste", text: await fixture("billion-laughs.xml") }, local)).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^pasted text is XML with a DOCTYPE or ENTITY declaration/),
    });
    expect(await db.article.count()).toBe(articles);
  });

  it.each([
    ["/news/story", "the page is a browser check (“Just a moment...”), not an article"],
    ["/news/moved-story", "the page is an error page (“Page Not Found | The Morning Post”), not an article"],
    ["/export/bomb.xml", "the page is XML but not an RSS, Atom or JSON feed, nor an article page"],
  ])("refuses the URL %s with the reason on its run, storing no article", async (pathname, reason) => {
    const articles = await db.article.count();
    const run = await ingestUrl(db, server.url(pathname), local);
    expect(run.status).toBe("failed");
    expect(run.items.map((item) => [item.outcome, item.reason])).toEqual([["failed", reason]]);
    expect(await db.article.count()).toBe(articles);
  });

  it("stores a two-sentence statement and a one-sentence denial by URL, and adds nothing the second time", async () => {
    for (const [name, title, text] of [
      ["short-ministry-statement", "Statement on the closure of the Port Ellis ferry terminal", /^The Ministry of Transport has ordered .* until the ramp is repaired\.$/],
      ["short-denial", "Harbor Freight Lines denies plan to close Dunmore depot", /^Harbor Freight Lines on Friday denied .*"will stay open and no jobs are at risk\."$/],
    ] as const) {
      const article = await storedArticle(await ingestUrl(db, server.url(`/short/${name}`), local));
      expect(article.title).toBe(title);
      expect(article.text).toMatch(text);
      const again = await ingestUrl(db, server.url(`/short/${name}`), local);
      expect(again.items.map((item) => [item.outcome, item.articleId])).toEqual([["duplicate", article.id]]);
    }
    const cards = (await listTimeline({})).stories.flatMap((story) => story.articles.map((card) => card.title));
    expect(cards).toContain("Harbor Freight Lines denies plan to close Dunmore depot");
  });

  it("reads a fact-check page with subheads and a photo credit as one article: the outlet's verdict answers the claim", async () => {
    const article = await storedArticle(await ingestUrl(db, server.url("/fact-checks/dunmore-ferry-subsidy"), local));
    expect(article.title).toBe("Did the Dunmore ferry subsidy triple under Mayor Holt?");
    const statements = await db.statement.findMany({
      where: { articleId: article.id },
      orderBy: { start: "asc" },
      select: { text: true, speaker: { select: { name: true, kind: true } }, claimOf: { select: { relation: true, response: { select: { text: true } } } } },
    });
    // Read as a paste, "Our ruling" would have closed the article and left the verdict to a nameless comment.
    const verdict = statements.find((s) => s.text.startsWith("We rate this claim False"));
    expect(verdict?.speaker).toEqual({ name: "Harbor Check", kind: "outlet" });
    const answered = statements.filter((s) => s.claimOf.some((pair) => pair.relation === "rebuts" && pair.response.text === verdict?.text));
    expect(answered.map((s) => s.speaker?.name)).toEqual(["Lisa Park"]);
    expect(statements.some((s) => /Credit|Our ruling|What the budget shows/.test(s.text))).toBe(false);
  });

  it("a feed item keeps its page's short text, unless the feed's own summary says more", async () => {
    const summary =
      "Harbor Freight Lines denied on Friday a union report that it would close its Dunmore depot. The union had said forty drivers would lose their jobs in the spring. " +
      "The company said the depot would stay open and that no jobs were at risk, and it asked the union to withdraw the report before the talks on Monday.";
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Wire</title><link>${server.url("/")}</link>
      <item><title>Depot denial</title><link>${server.url("/feed-items/denial")}</link><description>${summary}</description></item>
      <item><title>Ferry terminal statement</title><link>${server.url("/feed-items/statement")}</link><description>Port Ellis terminal closes.</description></item>
      </channel></rss>`;
    const run = await ingestBody(db, { text: feed, label: "coastal-wire.xml" }, local);
    expect(run.status, JSON.stringify(run.items)).toBe("succeeded");
    const [denial, statement] = await Promise.all(run.items.map((item) => db.article.findUniqueOrThrow({ where: { id: item.articleId! } })));
    expect(denial?.text).toBe(summary);
    expect(denial?.textNote).toMatch(/^From the feed's summary; the page could not be read in full: it holds \d+ words, fewer than the feed's summary$/);
    expect(statement?.text).toMatch(/^The Ministry of Transport has ordered .* until the ramp is repaired\.$/);
    expect(statement?.textNote).toBeNull();
    const again = await ingestBody(db, { text: feed, label: "coastal-wire.xml" }, local);
    expect(again.items.map((item) => item.outcome)).toEqual(["duplicate", "duplicate"]);
  });

  it.each([
    ["login-wall", "the page is a sign-in page (“Sign in | The Coastal Ledger”), not an article"],
    ["paywall", "the page is a paywall (“This article is only available to subscribers”), not the article"],
    ["cookie-wall", "the page is a cookie consent wall (“Before you continue”), not an article"],
    ["app-shell", "the page is an app shell that needs JavaScript (“You need to enable JavaScript”), not an article"],
    ["nav-only", "No article text found on the page: it holds no sentence, only headings, links or labels"],
  ])("refuses the %s page by URL with one line on its run, twice, storing nothing", async (name, reason) => {
    const articles = await db.article.count();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const run = await ingestUrl(db, server.url(`/short/${name}`), local);
      expect(run.status).toBe("failed");
      expect(run.items.map((item) => [item.outcome, item.reason])).toEqual([["failed", reason]]);
    }
    expect(await db.article.count()).toBe(articles);
  });

  it("adds nothing when every stored fixture is ingested again", async () => {
    const before = await db.article.count();
    const again: TRunSummary[] = [
      await ingestUrl(db, server.url("/news/elm-street-bridge-trucks"), local),
      await ingestUrl(db, server.url("/2019/05/14/politics/harbor-bill.html"), local),
      ...(await Promise.all(["time-text-only.html", "dateline.html", "no-date.html", "future-date.html", "bad-item-dates.xml"].map(ingestFile))),
      await runIngestRequest(db, { kind: "paste", text: await fixture("markup-pasted.txt") }, local),
    ];
    expect(again.flatMap((run) => run.items.map((item) => item.outcome))).toEqual(Array(9).fill("duplicate"));
    expect(await db.article.count()).toBe(before);
  });

  it("npm run ingest -- <file>: a refused file exits non-zero with one line", async () => {
    const file = path.join(PAGES, "billion-laughs.xml");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, stdout + stderr).toBe(1);
    expect(stderr.trim()).toBe(`error: ${file} is XML with a DOCTYPE or ENTITY declaration, not a feed or an article page; refused, nothing stored`);
  });
});
