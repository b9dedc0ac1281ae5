// Producers: the scheduler puts due feeds on the queue, and URLs and pasted texts can be queued
// instead of ingested in the request. Singleton keys make a repeated enqueue harmless.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { contentHash } from "@/lib/ingest/content-hash";
import { QUEUES, RETRY, type TIngestPasteJob, type TIngestUrlJob, type TPollFeedJob } from "./queues";

/** Queues a poll of every feed that is due; a feed already queued or being polled is skipped by pg-boss. */
export async function enqueueDueFeeds(db: PrismaClient, boss: PgBoss, now = new Date()): Promise<number> {
  const due = await db.feed.findMany({ where: { nextPollAt: { lte: now } }, select: { id: true }, orderBy: { nextPollAt: "asc" } });
  let queued = 0;
  for (const feed of due) {
    const payload: TPollFeedJob = { feedId: feed.id };
    const id = await boss.send(QUEUES.pollFeed, payload, { ...RETRY, singletonKey: `feed:${feed.id}` });
    if (id) queued += 1;
  }
  return queued;
}

export async function enqueueUrl(boss: PgBoss, url: string): Promise<string | null> {
  const payload: TIngestUrlJob = { url };
  return boss.send(QUEUES.ingestUrl, payload, { ...RETRY, singletonKey: `url:${canonicalizeUrl(url)}` });
}

export async function enqueuePaste(boss: PgBoss, text: string, label?: string): Promise<string | null> {
  const payload: TIngestPasteJob = label ? { text, label } : { text };
  return boss.send(QUEUES.ingestPaste, payload, { ...RETRY, singletonKey: `paste:${contentHash(text)}` });
}
