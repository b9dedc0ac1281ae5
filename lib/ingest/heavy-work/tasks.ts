// The CPU-heavy steps of ingestion, as messages a worker thread can run: reading an article page
// and extracting statements. Inputs and results are plain data (structured-clone safe).
import { extract } from "@/lib/extract";
import type { TExtractOptions, TExtraction } from "@/lib/extract/types";
import { readArticle, type TReadableArticle } from "@/lib/ingest/readable-article";

export type THeavyTask =
  | { kind: "extract"; text: string; options: Partial<TExtractOptions> }
  | { kind: "read-article"; html: string; url: string };

export type THeavyResult<T extends THeavyTask> = T extends { kind: "extract" } ? TExtraction : TReadableArticle;

/** What the user sees in a failure: "article reading took longer than 20 s; skipped". */
export const TASK_LABELS: Record<THeavyTask["kind"], string> = { extract: "extraction", "read-article": "article reading" };

export function taskInputLength(task: THeavyTask): number {
  return task.kind === "extract" ? task.text.length : task.html.length;
}

export function runHeavyTask(task: THeavyTask): TExtraction | TReadableArticle {
  switch (task.kind) {
    case "extract":
      return extract(task.text, task.options);
    case "read-article":
      return readArticle(task.html, task.url);
  }
}
