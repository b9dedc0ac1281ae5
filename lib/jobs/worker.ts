// A queue worker: takes poll, URL and paste jobs from pg-boss and runs them through the one
// ingestion pipeline. pg-boss hands each job to one worker (SELECT … FOR UPDATE SKIP LOCKED), so
// any number of these processes can share one database; a failed job is retried with backoff.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { warmUpHeavyWork } from "@/lib/ingest/heavy-work";
import { ingestBody } from "@/lib/ingest/ingest-body";
import { ingestUrls, type TIngestOptions } from "@/lib/ingest/pipeline";
import { pollFeed } from "@/lib/ingest/poll-feed";
import type { TRunSummary } from "@/lib/ingest/runs";
import { QUEUES, ZIngestPasteJob, ZIngestUrlJob, ZPollFeedJob, ensureQueues, type TQueueName } from "./queues";

export type TWorkerOptions = {
  /** Jobs this process runs at once, per queue. */
  concurrency: number;
  /** URL jobs taken together: their articles are written in one transaction. */
  urlBatchSize?: number;
  ingest: TIngestOptions;
  pollingIntervalSeconds?: number;
  /** Called after each finished job (for logs and tests). */
  onJobDone?: (event: { queue: TQueueName; jobId: string; summary: TRunSummary }) => void;
};

/** A job whose run failed as a whole (site unreachable, database error) is thrown back for a retry. */
export class JobRunFailedError extends Error {
  override name = "JobRunFailedError";
}

async function runJob(db: PrismaClient, queue: Exclude<TQueueName, typeof QUEUES.ingestUrl>, data: unknown, options: TWorkerOptions): Promise<TRunSummary> {
  switch (queue) {
    case QUEUES.pollFeed:
      return pollFeed(db, ZPollFeedJob.parse(data).feedId, options.ingest);
    case QUEUES.ingestPaste: {
      const job = ZIngestPasteJob.parse(data);
      return ingestBody(db, { text: job.text, ...(job.label ? { label: job.label } : {}) }, options.ingest);
    }
  }
}

export const DEFAULT_URL_BATCH_SIZE = 20;

type TJob = { id: string; data: unknown };

/** URL jobs together: one run each, their articles stored in one batch; a job whose run failed is failed alone (and retried). */
async function runUrlJobs(db: PrismaClient, boss: PgBoss, jobs: TJob[], options: TWorkerOptions): Promise<void> {
  const parsed = jobs.map((job) => ({ job, input: ZIngestUrlJob.safeParse(job.data) }));
  const valid = parsed.flatMap(({ job, input }) => (input.success ? [{ job, url: input.data.url }] : []));
  const summaries = await ingestUrls(db, valid.map(({ url }) => url), options.ingest);
  const failed: string[] = parsed.flatMap(({ job, input }) => (input.success ? [] : [job.id]));
  valid.forEach(({ job }, index) => {
    const summary = summaries[index];
    if (!summary) return;
    options.onJobDone?.({ queue: QUEUES.ingestUrl, jobId: job.id, summary });
    if (summary.status === "failed") failed.push(job.id);
  });
  // Recorded here rather than left to pg-boss, which completes a batch after the handler without
  // waiting: a worker stopped right then would leave finished jobs active, to be run again.
  if (failed.length) await boss.fail(QUEUES.ingestUrl, failed);
  const succeeded = jobs.map((job) => job.id).filter((id) => !failed.includes(id));
  if (succeeded.length) await boss.complete(QUEUES.ingestUrl, succeeded);
}

/**
 * Starts `concurrency` pollers per queue; returns a function that stops them. Stopping aborts the
 * fetches of running jobs, so their runs end at once as failed (URL jobs are retried later).
 */
export async function startWorker(db: PrismaClient, boss: PgBoss, workerOptions: TWorkerOptions): Promise<() => Promise<void>> {
  const stopping = new AbortController();
  const outer = workerOptions.ingest.fetch?.signal;
  const signal = outer ? AbortSignal.any([stopping.signal, outer]) : stopping.signal;
  const options: TWorkerOptions = { ...workerOptions, ingest: { ...workerOptions.ingest, fetch: { ...workerOptions.ingest.fetch, signal } } };
  await ensureQueues(boss);
  await warmUpHeavyWork();
  const queues = Object.values(QUEUES);
  // Handlers still running: stopping waits for them, so every finished job is recorded as such.
  const running = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.then(
      () => running.delete(work),
      () => running.delete(work),
    );
    return work;
  };
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const queue of queues) {
    for (let slot = 0; slot < Math.max(1, options.concurrency); slot += 1) {
      if (queue === QUEUES.ingestUrl) {
        const batchSize = Math.max(1, options.urlBatchSize ?? DEFAULT_URL_BATCH_SIZE);
        await boss.work<unknown>(queue, { batchSize, pollingIntervalSeconds }, (jobs) => track(runUrlJobs(db, boss, jobs, options)));
        continue;
      }
      await boss.work<unknown>(queue, { batchSize: 1, pollingIntervalSeconds }, (jobs) =>
        track(
          (async () => {
            for (const job of jobs) {
              const summary = await runJob(db, queue, job.data, options);
              options.onJobDone?.({ queue, jobId: job.id, summary });
              // Feeds record their own failures and back off by nextPollAt; other inputs are retried.
              if (summary.status === "failed" && queue !== QUEUES.pollFeed) throw new JobRunFailedError(summary.error ?? "the ingest run failed");
              await boss.complete(queue, job.id);
            }
          })(),
        ),
      );
    }
  }
  return async () => {
    stopping.abort(new Error("the worker is stopping"));
    for (const queue of queues) await boss.offWork(queue);
    await Promise.allSettled([...running]);
  };
}
