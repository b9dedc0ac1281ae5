// Runs the product's article reader over test pages and scores each against its expected text and date.
import { readArticle } from "@/lib/ingest/readable-article";
import type { TTestPage } from "./page-corpus";
import { countTextWords } from "@/lib/ingest/text-tokens";
import { judgeDate, scoreTokens, type TPageResult } from "./page-text-score";

// Relative links in the public test pages resolve against this, as in mozilla/readability's own tests.
const PAGE_URL = "http://fakehost/test/page.html";

export function benchmarkPage(page: TTestPage): TPageResult {
  const expectedWords = countTextWords(page.expectedText);
  const started = performance.now();
  try {
    const article = readArticle(page.html, PAGE_URL);
    const ms = performance.now() - started;
    return {
      name: page.name,
      ms,
      error: null,
      expectedWords,
      ...scoreTokens(page.expectedText, article.text),
      date: judgeDate(page.expectedPublished, article.publishedAt),
    };
  } catch (error) {
    const ms = performance.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    return { name: page.name, ms, error: message, expectedWords, precision: 0, recall: 0, f1: 0, date: judgeDate(page.expectedPublished, null) };
  }
}

export function benchmarkPages(pages: readonly TTestPage[]): TPageResult[] {
  return pages.map(benchmarkPage);
}
