// Hostile servers through the real pipeline, by the URL door and the feed door: a gzip body that
// stalls or is cut off, headers or a body that drip in, an endless or 300 MB body, endless
// redirects. Each ends with a clear error on a finished run, nothing is stored, the connection is
// let go, and the process goes on to ingest a healthy page; a deeply nested page is read to its
// bottom. One stalled feed does not hold up the next, a feed whose pages all stall stops at its poll
// budget, and the command line stops on SIGTERM in the middle of a stalled fetch, recording the run
// as failed, and so does a queue worker that is told to stop.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runIngestRequest } from "@/lib/ingest/ingest-request";
import { enqueueUrl } from "@/lib/jobs/enqueue";
import { createBoss } from "@/lib/jobs/queues";
import { startWorker } from "@/lib/jobs/worker";
import type { TIngestOptions } from "@/lib/ingest/pipeline";
import { pollDueFeeds, pollFeed, subscribeFeed } from "@/lib/ingest/poll-feed";
import type { TRunSummary } from "@/lib/ingest/runs";
import { startHostileServer, type THostileServer } from "../support/hostile-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "../..");

const noDns = async (hostname: string): Promise<never> => {
  throw new Error(`no DNS in the test network for ${hostname}`);
};

// Short budgets keep the suite quick; the tests assert outcomes, never the time taken. The headers
// deadline is generous so that a loaded machine's slow first answer cannot be mistaken for it;
// the slow-headers case tightens it and lifts the whole-fetch deadline instead.
const budget: TIngestOptions = {
  allowPrivateHosts: true,
  pollIntervalMs: 60_000,
  fetch: { resolveHost: noDns, headersTimeoutMs: 30_000, timeoutMs: 1_000, maxBytes: 1_000_000, maxRedirects: 3 },
};
const headersBudget: TIngestOptions = { ...budget, fetch: { ...budget.fetch, headersTimeoutMs: 500, timeoutMs: 60_000 } };

type THostileCase = { name: string; path: string; error: string; options?: TIngestOptions };

const CASES: THostileCase[] = [
  { name: "a gzip body that stalls half way", path: "/stalling-gzip", error: "took longer than 1000 ms" },
  { name: "a gzip body whose connection drops half way", path: "/truncated-gzip", error: "closed the connection before the body was complete" },
  { name: "a gzip stream cut short inside a complete response", path: "/half-gzip", error: "gzip body that is corrupt or cut short" },
  { name: "headers dripping in a byte at a time", path: "/slow-headers", error: "sent no complete response headers within 500 ms", options: headersBudget },
  { name: "a body dripping in a byte at a time", path: "/slow-drip", error: "took longer than 1000 ms" },
  { name: "an endless body", path: "/huge", error: "exceeds the 1000000-byte cap" },
  { name: "a declared 300 MB body", path: "/huge-declared", error: `Body of ${300 * 1024 * 1024} bytes exceeds the 1000000-byte cap` },
  { name: "endless redirects", path: "/redirect-loop/0", error: "More than 3 redirects" },
];

describe.each(testTargets)("hostile input on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: THostileServer;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    server = await startHostileServer({ dripMs: 50, nestingDepth: 5_000 });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  /** A failed run with the expected reason, recorded as finished, nothing stored, no socket left open. */
  async function expectCleanFailure(summary: TRunSummary, reason: string | RegExp, articlesBefore: number): Promise<void> {
    expect(summary.status).toBe("failed");
    const matches = (value: string | null | undefined) => (typeof reason === "string" ? expect(value).toContain(reason) : expect(value).toMatch(reason));
    matches(summary.error);
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run.status).toBe("failed");
    expect(run.finishedAt).not.toBeNull();
    matches(run.error);
    expect(await db.ingestRun.count({ where: { status: "running" } })).toBe(0);
    expect(await db.article.count()).toBe(articlesBefore);
    await server.allClosed();
  }

  describe.each(CASES)("$name", ({ path: pathname, error, options = budget }) => {
    it("by the URL door: a failed run with a clear reason, nothing stored", async () => {
      const before = await db.article.count();
      const summary = await runIngestRequest(db, { kind: "url", url: server.url(pathname) }, options);
      await expectCleanFailure(summary, error, before);
      expect(summary.items).toEqual([expect.objectContaining({ outcome: "failed", reason: expect.stringContaining(error) })]);
    });

    it("by the feed door: a failed run with a clear reason and no subscription", async () => {
      const before = await db.article.count();
      const url = `${server.url(pathname)}${pathname.includes("?") ? "&" : "?"}as=feed`;
      const summary = await runIngestRequest(db, { kind: "feed", url }, options);
      await expectCleanFailure(summary, error, before);
      expect(await db.feed.count({ where: { url: { startsWith: server.url(pathname) } } })).toBe(0);
    });

    it("a subscribed feed that turns hostile: its health names the error and it backs off", async () => {
      const before = await db.article.count();
      const feed = await subscribeFeed(db, `${server.url(pathname)}${pathname.includes("?") ? "&" : "?"}as=subscribed-feed`);
      const summary = await pollFeed(db, feed.id, budget);
      // A poll runs within its own budget, so a server that drips may hit that deadline first.
      const reason = new RegExp(`${error.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|took longer than`);
      await expectCleanFailure(summary, reason, before);
      const health = await db.feed.findUniqueOrThrow({ where: { id: feed.id } });
      expect(health.lastError).toMatch(reason);
      expect(health.consecutiveFailures).toBe(1);
      expect(health.nextPollAt.getTime()).toBeGreaterThan(Date.now());
    });
  });

  it("a deeply nested page ends its run, storing the two sentences at its bottom as a short article", async () => {
    const summary = await runIngestRequest(db, { kind: "url", url: server.url("/deep-nesting") }, budget);
    expect(summary.status, summary.error ?? "").toBe("succeeded");
    expect((await db.ingestRun.findUniqueOrThrow({ where: { id: summary.runId } })).finishedAt).not.toBeNull();
    const article = await db.article.findUniqueOrThrow({ where: { id: summary.items[0]?.articleId ?? -1 } });
    expect(article.text).toBe('Port workers said the strike would go ahead. "Nobody asked us," said union secretary Ilse Brandvik.');
  });

  it("after all of that, the same process still ingests a healthy page", async () => {
    const summary = await runIngestRequest(db, { kind: "url", url: server.url("/article") }, budget);
    expect(summary.status, summary.error ?? "").toBe("succeeded");
    expect(summary.items[0]?.outcome).toBe("new");
    const article = await db.article.findUniqueOrThrow({ where: { id: summary.items[0]?.articleId ?? -1 } });
    expect(article.title).toBe("Harbour board keeps the night ferry");
    expect(server.openConnections()).toBe(0);
  });

  it("a stalled feed does not hold up the next one: both runs end and the healthy feed is polled", async () => {
    const stalled = await subscribeFeed(db, server.url("/stalling-gzip?as=due-feed"));
    const healthy = await subscribeFeed(db, server.url("/feeds/harbour.rss"));
    const due = new Date(Date.now() - 60_000);
    await db.feed.update({ where: { id: stalled.id }, data: { nextPollAt: due } });
    await db.feed.update({ where: { id: healthy.id }, data: { nextPollAt: new Date(due.getTime() + 1) } });

    const results = await pollDueFeeds(db, budget);
    const runs = await db.ingestRun.findMany({ where: { id: { in: results.map((result) => result.runId) } }, orderBy: { id: "asc" } });
    expect(runs.map((run) => [run.feedId, run.status])).toEqual([
      [stalled.id, "failed"],
      [healthy.id, "succeeded"],
    ]);
    expect(runs[0]?.error).toContain("took longer than 1000 ms");
    expect(results[1]?.items.map((item) => item.outcome)).toEqual(["duplicate"]);
    expect(await db.ingestRun.count({ where: { status: "running" } })).toBe(0);
  });

  it("a feed whose item pages all stall stops at its poll budget, leaving the rest for the next poll", async () => {
    const before = await db.article.count();
    const feed = await subscribeFeed(db, server.url("/feeds/stalled-pages.rss"));
    const summary = await pollFeed(db, feed.id, { ...budget, pollBudgetMs: 1_500 });
    await expectCleanFailure(summary, "ran out of its 1500 ms budget", before);
    // Four items, each allowed 1000 ms: the budget ended the poll before the last of them.
    expect(summary.items.length).toBeLessThan(4);
    expect(summary.items.every((item) => item.outcome === "failed")).toBe(true);
  });

  it("the command line stops on SIGTERM in the middle of a stalled fetch and records the run as failed", async () => {
    const url = server.url("/stalling-gzip?as=cli");
    const hitsBefore = server.hits("/stalling-gzip");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", url], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, INGEST_ALLOW_PRIVATE_HOSTS: "true", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

    // The fetch is in flight once the stalling page has been asked for (its own deadline is 30 s).
    while (server.hits("/stalling-gzip") === hitsBefore) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGTERM");
    const { code, signal } = await exited;

    expect(signal, output).toBeNull();
    expect(code, output).toBe(1);
    expect(output).toContain("was interrupted (SIGTERM received)");
    const run = await db.ingestRun.findFirstOrThrow({ where: { input: url } });
    expect(run.status).toBe("failed");
    expect(run.error).toContain("was interrupted (SIGTERM received)");
    await server.allClosed();
  });

  it("a queue worker told to stop ends its stalled job's run at once, as failed", async () => {
    const url = server.url("/stalling-gzip?as=worker");
    const hitsBefore = server.hits("/stalling-gzip");
    const boss = createBoss(database.url, { maxConnections: 2, supervise: false });
    await boss.start();
    const finished: TRunSummary[] = [];
    // The fetch's own deadline (60 s) is longer than this test may take: only stopping ends it.
    const stop = await startWorker(db, boss, {
      concurrency: 1,
      pollingIntervalSeconds: 0.5,
      ingest: { ...budget, fetch: { ...budget.fetch, timeoutMs: 60_000 } },
      onJobDone: ({ summary }) => finished.push(summary),
    });
    await enqueueUrl(boss, url);
    while (server.hits("/stalling-gzip") === hitsBefore) await new Promise((resolve) => setTimeout(resolve, 50));
    await stop();
    while (finished.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await boss.stop({ graceful: false, wait: true });

    expect(finished[0]?.status).toBe("failed");
    expect(finished[0]?.error).toContain("was interrupted (the worker is stopping)");
    expect(await db.ingestRun.count({ where: { status: "running" } })).toBe(0);
    await server.allClosed();
  });
});
