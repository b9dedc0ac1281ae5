import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { PAIR_WEIGHTS, ZPairWeights } from "@/lib/extract/pair-model/model";
import { decodeArticle, loadArticles, scoreArticle, trainPairModel } from "@/lib/extract/pair-model/training";

const GOLD = path.join(__dirname, "../../fixtures/extract/pair-gold");

describe("pair model", () => {
  it("loads the committed weights, trained on the dispute gold with a recorded fold per article", () => {
    const raw: unknown = JSON.parse(readFileSync(path.join(__dirname, "../../../lib/extract/pair-model/weights.json"), "utf8"));
    const weights = ZPairWeights.parse(raw);
    expect(weights.trainedOn.articles).toBeGreaterThan(0);
    expect(Object.keys(weights.trainedOn.folds)).toHaveLength(weights.trainedOn.articles);
    expect(PAIR_WEIGHTS.response).toEqual(weights.response);
    expect(PAIR_WEIGHTS.claim).toEqual(weights.claim);
  });

  it("pairs a rebuttal with the claim it answers and leaves the unrelated statement alone", () => {
    const text = readFileSync(path.join(GOLD, "harbor.txt"), "utf8");
    const doc = extract(text).documents[0];
    const statements = doc?.statements ?? [];
    const claim = statements.find((s) => s.text.includes("400 jobs"));
    const response = statements.find((s) => s.text.includes("fewer than 50"));
    const playground = statements.find((s) => s.text.includes("playground"));
    expect(claim && response && playground).toBeTruthy();
    expect(doc?.pairs.map((p) => [p.claimId, p.responseId, p.relation])).toEqual([[claim?.id, response?.id, "rebuts"]]);
  });

  it("trains on a tiny gold set and reproduces its pairs", () => {
    const articles = loadArticles(GOLD, GOLD);
    const { weights } = trainPairModel(articles, { set: "fixture", date: "2026-12-01", seed: 1, folds: 2 });
    const again = trainPairModel(loadArticles(GOLD, GOLD), { set: "fixture", date: "2026-12-01", seed: 1, folds: 2 });
    expect(again.weights).toEqual(weights);
    for (const article of articles) {
      const decoded = decodeArticle(article, weights, weights.threshold);
      const score = scoreArticle(article, decoded);
      expect(score).toMatchObject({ tp: 1, fp: 0, fn: 0, relationTp: 1 });
    }
  });
});
