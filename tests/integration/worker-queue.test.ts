// Worker mode: jobs on the pg-boss queue, several workers against one database. Two workers
// draining 200 paste jobs must run each job exactly once and store each article once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueDueFeeds, enqueuePaste } from "@/lib/jobs/enqueue";
import { QUEUES, createBoss, ensureQueues } from "@/lib/jobs/queues";
import { startWorker } from "@/lib/jobs/worker";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const JOBS = 200;
const NAMES = ["Amara Holm", "Bruno Sato", "Carmen Vik", "Dmitri Lund", "Esra Mori", "Felix Ito", "Greta Kov", "Hiro Wald"];

// Short texts (under the near-duplicate threshold's 80 words), each distinct and with a quote.
function pastedArticle(i: number): string {
  const name = NAMES[i % NAMES.length]!;
  return `Report number ${i} on the harbour budget\n\nFinance Minister ${name} said on Monday that “the harbour budget number ${i} will be published in full next week”. Critics said the figures for item ${i * 7 + 3} were incomplete.\n`;
}

async function waitFor(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 200));
}

describe.each(testTargets)("job queue on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url, 2);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("two workers process each of 200 jobs exactly once, and each article is stored once", { timeout: 600_000 }, async () => {
    const producer = createBoss(database.url, { maxConnections: 2, supervise: false });
    await producer.start();
    await ensureQueues(producer);
    for (let i = 0; i < JOBS; i += 1) await enqueuePaste(producer, pastedArticle(i), `job ${i}`);
    // The same text again while the first is still queued: the singleton key drops it.
    expect(await enqueuePaste(producer, pastedArticle(0), "job 0 again")).toBeNull();

    const handled = new Map<string, string[]>();
    const workers = await Promise.all(
      ["worker-a", "worker-b"].map(async (name) => {
        const client = createPrismaClient(database.url, 4);
        const boss = createBoss(database.url, { maxConnections: 4, supervise: false });
        await boss.start();
        const stop = await startWorker(client, boss, {
          concurrency: 2,
          pollingIntervalSeconds: 0.5,
          ingest: { allowPrivateHosts: false },
          onJobDone: ({ jobId }) => handled.set(jobId, [...(handled.get(jobId) ?? []), name]),
        });
        return { name, client, boss, stop };
      }),
    );
    await waitFor(() => handled.size >= JOBS);
    for (const worker of workers) {
      await worker.stop();
      await worker.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await worker.client.$disconnect();
    }
    await producer.stop({ graceful: false, wait: true });

    expect(handled.size).toBe(JOBS);
    expect([...handled.values()].filter((names) => names.length !== 1)).toEqual([]);
    for (const worker of workers) expect([...handled.values()].filter((names) => names[0] === worker.name).length).toBeGreaterThan(0);

    const runs = await db.ingestRun.findMany({ where: { source: "paste" }, select: { input: true, status: true } });
    expect(runs).toHaveLength(JOBS);
    expect(new Set(runs.map((run) => run.input)).size).toBe(JOBS);
    expect(runs.every((run) => run.status === "succeeded")).toBe(true);
    const outcomes = await db.ingestItem.groupBy({ by: ["outcome"], _count: { _all: true } });
    expect(outcomes.map((row) => [row.outcome, row._count._all])).toEqual([["new", JOBS]]);
    expect(await db.article.count()).toBe(JOBS);
  });

  it("a due feed is queued once however many schedulers tick", { timeout: 120_000 }, async () => {
    const feed = await db.feed.create({ data: { url: `https://feeds.example/${target}.xml`, nextPollAt: new Date(Date.now() - 1000) } });
    const boss = createBoss(database.url, { maxConnections: 2, supervise: false });
    await boss.start();
    await ensureQueues(boss);
    const counts = await Promise.all([enqueueDueFeeds(db, boss), enqueueDueFeeds(db, boss), enqueueDueFeeds(db, boss)]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(1);
    const queued = await boss.fetch<{ feedId: number }>(QUEUES.pollFeed, { batchSize: 10 });
    expect(queued.map((job) => job.data.feedId)).toEqual([feed.id]);
    await boss.stop({ graceful: false, wait: true });
  });
});
