// Extraction time grows linearly with the input: 4× the text costs about 4× the CPU, not 16×,
// for the shapes that were once quadratic (a paste of many short lines with no capital letter
// made every line's name search scan on to the end of the text).
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { growthRatio, LINEAR_GROWTH_LIMIT } from "@/tests/support/growth-ratio";

const lines = (line: (i: number) => string) => (n: number) => Array.from({ length: n }, (_u, i) => line(i)).join("\n");

describe("extraction time grows linearly", () => {
  it("on a paste of many short lowercase lines", { timeout: 120_000 }, () => {
    expect(growthRatio(lines((i) => `line ${i}`), extract, 5_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it("on a paste of many short capitalized lines", { timeout: 120_000 }, () => {
    expect(growthRatio(lines((i) => `Item ${i}.`), extract, 2_500)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it("on many lines of quoted speech", { timeout: 120_000 }, () => {
    const quoted = lines((i) => `Minister Jane Doe said "we will act on item ${i}" on Monday, officials added.`);
    expect(growthRatio(quoted, extract, 500)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it("on one long paragraph of quoted speech", { timeout: 120_000 }, () => {
    const paragraph = (n: number) => Array.from({ length: n }, (_u, i) => `Officials said "yes to item ${i}," Smith replied.`).join(" ");
    expect(growthRatio(paragraph, extract, 500)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
