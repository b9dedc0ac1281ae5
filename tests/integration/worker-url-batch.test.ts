// The worker takes URL jobs in batches (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): each
// job keeps its own run and outcome, the articles of a batch are stored, and a page that cannot be
// fetched fails its own job only (left for a retry) while the others complete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusArticle } from "@/bench/corpus-articles";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueUrl } from "@/lib/jobs/enqueue";
import { QUEUES, createBoss, ensureQueues } from "@/lib/jobs/queues";
import { startWorker } from "@/lib/jobs/worker";
import type { TRunSummary } from "@/lib/ingest/runs";
import { startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

function articlePage(index: number): string {
  const article = corpusArticle(index);
  const [title = "", ...paragraphs] = article.text.split("\n\n");
  const body = paragraphs.map((paragraph) => `<p>${paragraph.trim()}</p>`).join("\n");
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>\n${body}</article></body></html>`;
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 200));
}

describe.each(testTargets)("URL jobs in batches on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url, 4);
    server = await startFeedServer();
    for (const index of [300, 301, 302]) server.set(`/news/${index}`, { contentType: "text/html; charset=utf-8", body: articlePage(index) });
    server.set("/news/gone", { status: 404, contentType: "text/html", body: "<p>not here</p>" });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
  });

  it("stores the batch's articles, one run per job, and fails only the job whose page is gone", { timeout: 600_000 }, async () => {
    const boss = createBoss(database.url, { maxConnections: 3, supervise: false });
    // pg-boss re-emits its pool's errors; dropping the database in afterAll ends its idle
    // connections, which would otherwise surface as an uncaught 'error' event.
    const bossErrors: unknown[] = [];
    boss.on("error", (error) => bossErrors.push(error));
    await boss.start();
    await ensureQueues(boss);
    const paths = ["/news/300", "/news/gone", "/news/301", "/news/302"];
    const jobIds = new Map<string, string>();
    for (const path of paths) {
      const id = await enqueueUrl(boss, server.url(path));
      expect(id).not.toBeNull();
      jobIds.set(path, id!);
    }
    const done = new Map<string, TRunSummary>();
    const stop = await startWorker(db, boss, {
      concurrency: 1,
      urlBatchSize: paths.length,
      pollingIntervalSeconds: 0.5,
      ingest: { allowPrivateHosts: true },
      onJobDone: ({ jobId, summary }) => done.set(jobId, summary),
    });
    await waitFor(() => done.size === paths.length);
    await stop();

    const summaryOf = (path: string) => done.get(jobIds.get(path)!);
    expect(summaryOf("/news/gone")?.status).toBe("failed");
    for (const path of ["/news/300", "/news/301", "/news/302"]) {
      expect(summaryOf(path)?.status).toBe("succeeded");
      expect(summaryOf(path)?.items.map((item) => item.outcome)).toEqual(["new"]);
    }
    expect(new Set([...done.values()].map((summary) => summary.runId)).size).toBe(paths.length);
    expect(await db.article.count()).toBe(3);
    expect(await db.statement.count()).toBeGreaterThan(0);

    const states = new Map<string, string | undefined>();
    for (const [path, id] of jobIds) states.set(path, (await boss.getJobById(QUEUES.ingestUrl, id))?.state);
    expect(states.get("/news/gone")).toBe("retry");
    for (const path of ["/news/300", "/news/301", "/news/302"]) expect(states.get(path)).toBe("completed");
    expect(bossErrors).toEqual([]);
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  });
});
