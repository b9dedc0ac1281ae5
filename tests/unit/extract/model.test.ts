// The committed attribution tagger: its weights load, say what they were trained on, and the engine
// with them reproduces the scores the trainer recorded on the team's own annotated articles.
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { ZModelWeights } from "@/lib/extract/model/model";
import weights from "@/lib/extract/model/weights.json";
import { expectWellFormed } from "./helpers";
import { EVAL_DIR, loadEvalCases, rate, scoreCase, sumScores } from "./score-extraction";

// Loading the weights and running 20 articles is CPU work; a loaded machine may need far more than the default.
const SLOW = 120_000;

describe("committed attribution tagger", () => {
  const model = ZModelWeights.parse(weights);

  it("records its training data, split and seed, and never the held-out fold", () => {
    expect(model.trainedOn).toMatch(/^PolNeAR train/);
    expect(model.folds).toMatch(/≠ 0/);
    expect(model.seed.length).toBeGreaterThan(0);
  });

  it("reproduces its recorded statement scores on the team's eval articles", () => {
    const check = model.selfCheck;
    if (!check) throw new Error("weights.json has no selfCheck: retrain with npm run train");
    const cases = loadEvalCases(EVAL_DIR);
    const results = cases.map((c) => extract(c.text, {}, check.engine ?? "model"));
    results.forEach((r, k) => expectWellFormed(cases[k]?.text ?? "", r));
    const total = sumScores(cases.map((c, k) => scoreCase(c, results[k] ?? { version: 1, documents: [] }).scores));
    expect(rate(total.statementRecall)).toBeCloseTo(check.statementRecall, 4);
    expect(rate(total.statementPrecision)).toBeCloseTo(check.statementPrecision, 4);
    expect(results.reduce((n, r) => n + r.documents.reduce((m, d) => m + d.statements.length, 0), 0)).toBe(check.statements);
  }, SLOW);

  it("adds reported speech the rules miss, with its cue and source", () => {
    const text =
      "The city council met on Tuesday. Council member Dana Reyes warned that the new stadium would cost taxpayers far more than promised.";
    const span = (r: ReturnType<typeof extract>): string[] => r.documents.flatMap((d) => d.statements.map((s) => s.text));
    expect(span(extract(text, {}, "model")).some((s) => s.includes("the new stadium would cost taxpayers"))).toBe(true);
  }, SLOW);
});
