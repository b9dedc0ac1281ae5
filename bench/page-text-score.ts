// Scores extracted page text against expected text the way public article-extraction benchmarks do:
// lowercased word tokens (one per character in Chinese and Japanese), precision/recall/F1 over token
// multisets; and a published date found/right.
import { tokenizeText } from "@/lib/ingest/text-tokens";

export type TTokenScore = { precision: number; recall: number; f1: number };

function countTokens(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Token-multiset precision, recall and F1 of `extracted` against `expected` (both empty scores 1). */
export function scoreTokens(expected: string, extracted: string): TTokenScore {
  const expectedTokens = tokenizeText(expected);
  const extractedTokens = tokenizeText(extracted);
  if (expectedTokens.length === 0 && extractedTokens.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const expectedCounts = countTokens(expectedTokens);
  let overlap = 0;
  for (const [token, count] of countTokens(extractedTokens)) overlap += Math.min(count, expectedCounts.get(token) ?? 0);
  const precision = extractedTokens.length === 0 ? 0 : overlap / extractedTokens.length;
  const recall = expectedTokens.length === 0 ? 0 : overlap / expectedTokens.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export type TDateOutcome = "not-stated" | "missed" | "right" | "wrong" | "unexpected";

/**
 * A found date is right when it names the same second as the expected one (pages give fractions of a
 * second in one place and not another), or — when the expected value has no time of day — the same day.
 */
export function judgeDate(expected: string | null, found: Date | null): TDateOutcome {
  const expectedTime = expected ? Date.parse(expected) : Number.NaN;
  if (Number.isNaN(expectedTime)) return found ? "unexpected" : "not-stated";
  if (!found) return "missed";
  if (Math.floor(found.getTime() / 1000) === Math.floor(expectedTime / 1000)) return "right";
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(expected?.trim() ?? "");
  return dayOnly && found.toISOString().slice(0, 10) === expected?.trim() ? "right" : "wrong";
}

export type TPageResult = TTokenScore & {
  name: string;
  ms: number;
  error: string | null;
  date: TDateOutcome;
  /** Tokens in the expected text: the public test pages include tiny markup cases that are no article. */
  expectedWords: number;
};

export type TPageSummary = {
  pages: number;
  failures: number;
  meanF1: number;
  meanPrecision: number;
  meanRecall: number;
  /** Mean F1 over the pages whose expected text is at least `minArticleWords` long. */
  articlePages: number;
  articleMeanF1: number;
  medianMs: number;
  p95Ms: number;
  dates: Record<TDateOutcome, number>;
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Means over every page; a page the reader failed on counts as 0 precision/recall/F1. */
export function summarizePages(results: readonly TPageResult[], minArticleWords: number): TPageSummary {
  const articles = results.filter((r) => r.expectedWords >= minArticleWords);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const dates: Record<TDateOutcome, number> = { "not-stated": 0, missed: 0, right: 0, wrong: 0, unexpected: 0 };
  for (const result of results) dates[result.date] += 1;
  return {
    pages: results.length,
    failures: results.filter((r) => r.error !== null).length,
    meanF1: mean(results.map((r) => r.f1)),
    meanPrecision: mean(results.map((r) => r.precision)),
    meanRecall: mean(results.map((r) => r.recall)),
    articlePages: articles.length,
    articleMeanF1: mean(articles.map((r) => r.f1)),
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    dates,
  };
}
