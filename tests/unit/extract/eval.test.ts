// The hand-written eval sets (tests/fixtures/extract/eval and the later-written holdout): wire-style
// articles scored per category. Floors sit a margin below what the engine measures, so a regression fails here.
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { expectWellFormed } from "./helpers";
import { formatTable, HOLDOUT_DIR, loadEvalCases, rate, scoreCase, sumScores, type TScores } from "./score-extraction";

const FLOORS: Partial<Record<keyof TScores, number>> = {
  speakerRecall: 0.93,
  speakerPrecision: 0.93,
  roleAccuracy: 0.93,
  countryAccuracy: 0.93,
  statementRecall: 0.93,
  statementPrecision: 0.95,
  modeAccuracy: 0.95,
  pairRecall: 0.6,
  // .90 before the real-news round of 2026-12-01; 18/20 in v10; 20/24 in v11, whose pair threshold (.65,
  // chosen across outlets on the real-news gold, where precision held at .40–.41 while recall rose) also
  // pairs two statements of this team-written set the wrong way round, and the clause reader still takes
  // "added 140 firms to its list and restricted …" for a reported clause (bench/EXTRACTION.md, session 9).
  pairPrecision: 0.8,
  countryRecall: 0.95,
  countryPrecision: 0.9,
  documentCount: 0.95,
};

describe("extraction eval set", () => {
  const cases = loadEvalCases();
  const scored = cases.map((c) => {
    const result = extract(c.text);
    return { c, result, score: scoreCase(c, result) };
  });
  const total = sumScores(scored.map((s) => s.score.scores));

  it("has 15–20 articles, each well formed", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(cases.length).toBeLessThanOrEqual(20);
    for (const s of scored) expectWellFormed(s.c.text, s.result);
  });

  it.each(Object.entries(FLOORS))("%s stays at or above its floor", (key, floor) => {
    const value = rate(total[key as keyof TScores]);
    expect(value, formatTable(total)).toBeGreaterThanOrEqual(floor ?? 0);
  });
});

// Five articles: one miss moves a rate by 4–12 points, so the floors leave room for about one.
const HOLDOUT_FLOORS: Partial<Record<keyof TScores, number>> = {
  speakerRecall: 0.85,
  countryAccuracy: 0.85,
  statementRecall: 0.85,
  statementPrecision: 0.85,
  pairRecall: 0.5,
  pairPrecision: 0.75,
};

describe("extraction holdout set", () => {
  const cases = loadEvalCases(HOLDOUT_DIR);
  const total = sumScores(cases.map((c) => scoreCase(c, extract(c.text)).scores));

  it.each(Object.entries(HOLDOUT_FLOORS))("%s stays at or above its floor", (key, floor) => {
    expect(rate(total[key as keyof TScores]), formatTable(total)).toBeGreaterThanOrEqual(floor ?? 0);
  });
});
