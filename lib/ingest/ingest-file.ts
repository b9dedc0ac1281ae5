// A file handed in whole (command line, admin upload, API): its bytes become text (a gzip file is
// inflated, the charset detected), then a feed's items are ingested and anything else is a paste.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { looksLikeFeed } from "@/lib/ingest/detect-feed";
import { ingestPaste, type TIngestOptions } from "@/lib/ingest/pipeline";
import { ingestFeedText } from "@/lib/ingest/poll-feed";
import type { TRunSummary } from "@/lib/ingest/runs";
import { textFromBytes } from "@/lib/ingest/text-from-bytes";

export async function ingestFile(db: PrismaClient, bytes: Uint8Array, label: string, options: TIngestOptions): Promise<TRunSummary> {
  const { text } = textFromBytes(bytes);
  return looksLikeFeed(text, null) ? ingestFeedText(db, text, label, options) : ingestPaste(db, text, { label });
}
