// Subscribes to every feed of an OPML file; one bad entry is reported, not fatal.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/api/app-error";
import { OpmlParseError, parseOpml } from "@/lib/ingest/parse-opml";
import { subscribeFeed } from "@/lib/ingest/poll-feed";
import { describeError } from "@/lib/ingest/runs";

export async function importOpml(db: PrismaClient, text: string): Promise<{ subscribed: number; failed: { url: string; reason: string }[]; warnings: string[] }> {
  let parsed;
  try {
    parsed = parseOpml(text);
  } catch (error) {
    if (error instanceof OpmlParseError) throw new AppError("invalid_opml", 422, error.message);
    throw error;
  }
  const failed: { url: string; reason: string }[] = [];
  let subscribed = 0;
  for (const feed of parsed.feeds) {
    try {
      await subscribeFeed(db, feed.xmlUrl);
      subscribed += 1;
    } catch (error) {
      failed.push({ url: feed.xmlUrl, reason: describeError(error) });
    }
  }
  return { subscribed, failed, warnings: parsed.warnings };
}
