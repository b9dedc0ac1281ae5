// The CPU-heavy steps of ingestion, as messages a worker thread can run: reading an article page
// and extracting statements. Inputs and results are plain data (structured-clone safe).
import { extract } from "@/lib/extract";
import type { TExtractOptions, TExtraction } from "@/lib/extract/types";
import { textKeys, type TTextKeys } from "@/lib/ingest/near-duplicate";
import { readArticle, type TReadableArticle } from "@/lib/ingest/readable-article";

export type THeavyTask =
  | { kind: "extract"; text: string; options: Partial<TExtractOptions> }
  /** An article to store: its extraction and its dedup keys (hash, MinHash), so the writing thread only writes. */
  | { kind: "extract-article"; text: string; options: Partial<TExtractOptions> }
  | { kind: "read-article"; html: string; url: string };

export type TExtractedText = { extraction: TExtraction; keys: TTextKeys };

export type THeavyResult<T extends THeavyTask> = T extends { kind: "extract" } ? TExtraction : T extends { kind: "extract-article" } ? TExtractedText : TReadableArticle;

/** What the user sees in a failure: "article reading took longer than 20 s; skipped". */
export const TASK_LABELS: Record<THeavyTask["kind"], string> = { extract: "extraction", "extract-article": "extraction", "read-article": "article reading" };

export function taskInputLength(task: THeavyTask): number {
  return task.kind === "read-article" ? task.html.length : task.text.length;
}

export function runHeavyTask(task: THeavyTask): TExtraction | TExtractedText | TReadableArticle {
  switch (task.kind) {
    case "extract":
      return extract(task.text, task.options);
    case "extract-article":
      return { extraction: extract(task.text, task.options), keys: textKeys(task.text) };
    case "read-article":
      return readArticle(task.html, task.url);
  }
}
