// The training script's core on a tiny synthetic set: gold tags come out of the marked spans, and
// a few epochs give a tagger that finds source, cue and content again, and nothing in narration.
import { beforeAll, describe, expect, it } from "vitest";
import { examplesOf, goldTags, outerAttributions, quantize, tagText, train } from "@/bench/tagger-training";
import { tokenize } from "@/lib/extract/model/features";
import { AttributionTagger, TAGS, type TModelWeights } from "@/lib/extract/model/model";
import { loadSyntheticRecords, parseMarkedLine } from "./synthetic-corpus";

const meta = { trainedOn: "synthetic", trainedAt: "2026-12-01", folds: "all", seed: "test", epochs: 6 };
// A small hash space keeps the test light; the committed model uses the trainer's default.
const BITS = 16;
// Training and feature extraction are CPU work; a loaded machine may need far more than the default.
const SLOW = 120_000;

function trainSynthetic(epochs: number): TModelWeights {
  const { w, trans } = train(examplesOf(loadSyntheticRecords(), BITS), epochs, () => undefined, BITS);
  // A handful of sentences gives small weights: keep them all instead of pruning as for PolNeAR.
  return quantize(w, trans, meta, BITS, 1);
}

function tagLine(tagger: AttributionTagger, text: string): { content: string; cue: string | null; source: string | null }[] {
  return tagText(tagger, text).map((a) => ({
    content: text.slice(a.content.start, a.content.end),
    cue: a.cue ? text.slice(a.cue.start, a.cue.end) : null,
    source: a.source ? text.slice(a.source.start, a.source.end) : null,
  }));
}

describe("tagger training", () => {
  let tagger: AttributionTagger;
  beforeAll(() => {
    tagger = new AttributionTagger(trainSynthetic(8));
  }, SLOW);

  it("turns marked spans into BIO tags", () => {
    const [record] = loadSyntheticRecords();
    if (!record) throw new Error("no synthetic record");
    const tokens = tokenize(record.text, { start: 0, end: record.text.length });
    const tags = [...goldTags(tokens, outerAttributions(record))].map((t) => TAGS[t]);
    expect(tokens.map((t) => t.raw)).toEqual(["Mayor", "Ana", "Ruiz", "said", "the", "bridge", "would", "reopen", "in", "May", "."]);
    expect(tags).toEqual(["B-S", "I-S", "I-S", "B-C", "B-Q", "I-Q", "I-Q", "I-Q", "I-Q", "I-Q", "O"]);
  });

  it("trains a model that tags the synthetic sentences it learned from", () => {
    for (const record of loadSyntheticRecords()) {
      const gold = record.attributions[0];
      const found = tagLine(tagger, record.text);
      if (!gold) {
        expect(found, record.text).toEqual([]);
        continue;
      }
      expect(found, record.text).toEqual([
        { content: gold.content?.[0]?.text, cue: gold.cue?.[0]?.text ?? null, source: gold.source?.[0]?.text ?? null },
      ]);
    }
  });

  it(
    "is deterministic: the same data gives the same weights",
    () => {
      expect(trainSynthetic(2).rows).toEqual(trainSynthetic(2).rows);
    },
    SLOW,
  );

  it("tags a new sentence of a learned pattern", () => {
    const { text } = parseMarkedLine("[S The mayor] [C said] [Q the library would close for repairs].");
    expect(tagLine(tagger, text)).toEqual([{ content: "the library would close for repairs", cue: "said", source: "The mayor" }]);
  });
});
