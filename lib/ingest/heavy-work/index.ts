// The server's one heavy-work pool (kept on globalThis: next start loads route handlers as separate
// module instances) and the two steps the pipeline hands to it.
import { getEnv } from "@/lib/env";
import type { TExtractOptions, TExtraction } from "@/lib/extract/types";
import { HeavyWorkPool } from "@/lib/ingest/heavy-work/pool";
import type { TExtractedText } from "@/lib/ingest/heavy-work/tasks";
import type { TReadableArticle } from "@/lib/ingest/readable-article";

export { HeavyWorkError } from "@/lib/ingest/heavy-work/pool";

/** Largest text or page an item may hand to a thread (a paste is capped lower, at MAX_PASTE_CHARS). */
export const MAX_HEAVY_INPUT_CHARS = 5_000_000;
const MAX_QUEUED_ITEMS = 200;

const holder = globalThis as typeof globalThis & { counterpointHeavyWorkPool?: HeavyWorkPool };

export function getHeavyWorkPool(): HeavyWorkPool {
  if (!holder.counterpointHeavyWorkPool) {
    const env = getEnv();
    holder.counterpointHeavyWorkPool = new HeavyWorkPool({
      threads: env.INGEST_THREADS,
      timeBudgetMs: env.INGEST_ITEM_TIMEOUT_SECONDS * 1000,
      maxInputChars: MAX_HEAVY_INPUT_CHARS,
      maxQueued: MAX_QUEUED_ITEMS,
    });
  }
  return holder.counterpointHeavyWorkPool;
}

export function extractOffThread(text: string, options: Partial<TExtractOptions> = {}): Promise<TExtraction> {
  return getHeavyWorkPool().run({ kind: "extract", text, options });
}

/**
 * Starts every thread and runs one small item on each, so a long-running ingester (the queue
 * worker) pays the threads' start-up (loading and compiling the extractor: seconds of CPU) before
 * its first job rather than inside it.
 */
export async function warmUpHeavyWork(): Promise<void> {
  const pool = getHeavyWorkPool();
  const sample = "The minister said on Monday that the talks would resume. \"We are ready,\" she said.";
  await Promise.all(Array.from({ length: pool.limits.threads }, () => pool.run({ kind: "extract-article", text: sample, options: {} })));
}

/** An article's extraction with its dedup keys, both computed off the writing thread. */
export function extractArticleOffThread(text: string, options: Partial<TExtractOptions> = {}): Promise<TExtractedText> {
  return getHeavyWorkPool().run({ kind: "extract-article", text, options });
}

export function readArticleOffThread(html: string, url: string): Promise<TReadableArticle> {
  return getHeavyWorkPool().run({ kind: "read-article", html, url });
}
