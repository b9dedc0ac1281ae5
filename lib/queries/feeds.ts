// Feed subscriptions with the health figures the admin page and API show.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function listFeedsWithHealth(db: PrismaClient) {
  return db.feed.findMany({
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: {
      id: true, url: true, title: true, siteUrl: true, lastFetchedAt: true, lastSuccessAt: true, lastError: true,
      lastErrorAt: true, consecutiveFailures: true, nextPollAt: true, itemsSeen: true, itemsNew: true,
    },
  });
}

export async function listRecentRuns(db: PrismaClient, limit = 20) {
  return db.ingestRun.findMany({
    orderBy: { startedAt: "desc" },
    take: limit,
    include: { items: { orderBy: { position: "asc" }, take: 50, include: { article: { select: { slug: true } } } } },
  });
}
