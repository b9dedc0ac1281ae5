// Ingestion as a job queue on PostgreSQL (pg-boss, in its own schema "pgboss"): the queue names,
// their payloads, and the retry and singleton policies that keep several workers from doing the
// same work twice.
import PgBoss from "pg-boss";
import { z } from "zod";

export const JOBS_SCHEMA = "pgboss";

export const QUEUES = {
  /** One feed poll; "stately" + singletonKey feed:<id>: at most one queued and one running per feed. */
  pollFeed: "poll-feed",
  /** Same policy, keyed by canonical URL / content hash: the same input is never ingested twice at once. */
  ingestUrl: "ingest-url",
  ingestPaste: "ingest-paste",
} as const;
export type TQueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ZPollFeedJob = z.object({ feedId: z.number().int().positive() });
export const ZIngestUrlJob = z.object({ url: z.string().url().max(4000) });
export const ZIngestPasteJob = z.object({ text: z.string().min(1), label: z.string().max(300).optional() });
export type TPollFeedJob = z.infer<typeof ZPollFeedJob>;
export type TIngestUrlJob = z.infer<typeof ZIngestUrlJob>;
export type TIngestPasteJob = z.infer<typeof ZIngestPasteJob>;

/** Failures that may pass (a site down, a lock timeout) are retried with exponential backoff. */
export const RETRY = { retryLimit: 4, retryDelay: 30, retryBackoff: true } as const;
/** A job running longer than this is presumed lost with its worker and handed to another. */
const EXPIRE_IN_MINUTES = 15;

export function createBoss(url: string, options: { maxConnections?: number; supervise?: boolean } = {}): PgBoss {
  return new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    max: options.maxConnections ?? 4,
    application_name: "counterpoint-worker",
    supervise: options.supervise ?? true,
    // Cron scheduling is not used: due feeds are found from Feed.nextPollAt.
    schedule: false,
  });
}

/** Creates the queues once (idempotent: an existing queue is left as it is). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const wanted: { name: TQueueName; policy: PgBoss.QueuePolicy }[] = [
    { name: QUEUES.pollFeed, policy: "stately" },
    { name: QUEUES.ingestUrl, policy: "stately" },
    { name: QUEUES.ingestPaste, policy: "stately" },
  ];
  for (const queue of wanted) {
    if (await boss.getQueue(queue.name)) continue;
    try {
      await boss.createQueue(queue.name, { name: queue.name, policy: queue.policy, ...RETRY, expireInMinutes: EXPIRE_IN_MINUTES });
    } catch (error) {
      // Another worker created it between the check and here.
      if (!(await boss.getQueue(queue.name))) throw error;
    }
  }
}
