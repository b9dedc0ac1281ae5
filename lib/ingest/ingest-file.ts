// A file handed in whole (command line, admin upload, API): its bytes become text (a gzip file is
// inflated, the charset detected), then it takes the body door: a feed's items are ingested, a page
// is read, other markup is refused and plain text is a paste.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestBody } from "@/lib/ingest/ingest-body";
import type { TIngestOptions } from "@/lib/ingest/pipeline";
import type { TRunSummary } from "@/lib/ingest/runs";
import { textFromBytes } from "@/lib/ingest/text-from-bytes";

export async function ingestFile(db: PrismaClient, bytes: Uint8Array, label: string, options: TIngestOptions): Promise<TRunSummary> {
  const { text } = textFromBytes(bytes);
  return ingestBody(db, { text, label }, options);
}
