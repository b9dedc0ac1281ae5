import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { benchmarkPages } from "@/bench/page-bench";
import { detectPageFormat, readTestPages } from "@/bench/page-corpus";
import { judgeDate, scoreTokens, summarizePages } from "@/bench/page-text-score";

const sample = (layout: string) => fileURLToPath(new URL(`../../fixtures/pages/bench-sample/${layout}`, import.meta.url));

describe("page-text scoring", () => {
  it("scores token multisets: precision over extracted, recall over expected", () => {
    expect(scoreTokens("The cat sat on the mat", "the cat sat on the mat")).toEqual({ precision: 1, recall: 1, f1: 1 });
    // 4 of 6 expected tokens found; 4 of 8 extracted tokens expected.
    const partial = scoreTokens("the cat sat on the mat", "the cat sat, said the menu: share now");
    expect(partial.recall).toBeCloseTo(4 / 6);
    expect(partial.precision).toBeCloseTo(4 / 8);
    expect(partial.f1).toBeCloseTo((2 * (4 / 8) * (4 / 6)) / (4 / 8 + 4 / 6));
    expect(scoreTokens("some words", "").f1).toBe(0);
  });

  it("counts Chinese and Japanese characters as tokens", () => {
    expect(scoreTokens("图书馆延长开放时间", "图书馆延长").recall).toBeCloseTo(5 / 9);
  });

  it("judges dates to the second, or to the day when the expected date has no time", () => {
    expect(judgeDate("2017-11-24T18:42:20.314667Z", new Date("2017-11-24T18:42:20Z"))).toBe("right");
    expect(judgeDate("2015-10-15T02:19:15Z", new Date("2015-12-11T14:28:34Z"))).toBe("wrong");
    expect(judgeDate("2026-03-02", new Date("2026-03-02T09:00:00Z"))).toBe("right");
    expect(judgeDate("2026-03-02", null)).toBe("missed");
    expect(judgeDate(null, null)).toBe("not-stated");
    expect(judgeDate(null, new Date())).toBe("unexpected");
  });

  it("runs the reader over a readability-layout sample and scores text and dates", () => {
    const dir = sample("readability");
    expect(detectPageFormat(dir)).toBe("readability");
    const results = benchmarkPages(readTestPages(dir));
    expect(results.map((r) => r.name)).toEqual(["harbour-dredging", "market-hall"]);
    const summary = summarizePages(results, 25);
    expect(summary.failures).toBe(0);
    expect(summary.meanF1).toBeGreaterThan(0.95);
    // The market hall's furniture lines ("Share this story", "Advertisement") are not counted as text.
    expect(results.find((r) => r.name === "market-hall")?.precision).toBe(1);
    expect(summary.dates).toMatchObject({ right: 1, "not-stated": 1, wrong: 0, missed: 0 });
  });

  it("reads the newspaper layout and skips its authors' failure notes", () => {
    const dir = sample("newspaper");
    expect(detectPageFormat(dir)).toBe("newspaper");
    const pages = readTestPages(dir);
    expect(pages.map((p) => p.name)).toEqual(["bus-timetable"]);
    expect(benchmarkPages(pages)[0]?.f1).toBe(1);
  });
});
