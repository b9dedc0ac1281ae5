// Which (claim, response) pairs the pair model considers at all: a response judging what a rival just
// said is one, the reverse of a pair the rules read from a cue is not. Statements written for these tests.
import { describe, expect, it } from "vitest";
import { buildPairContext, pairFeatures } from "@/lib/extract/pair-model/features";
import { candidatePairs } from "@/lib/extract/pair-model/model";
import type { TPairCandidate } from "@/lib/extract/pairs";

function statement(id: string, speaker: string, paragraph: number, text: string, sentenceText = `${text}, ${speaker} said.`): TPairCandidate {
  return {
    id,
    docIndex: 0,
    docKind: "article",
    paragraph,
    sentence: paragraph * 100,
    speaker,
    speakerKind: "person",
    country: "US",
    opposition: false,
    text,
    mode: "indirect",
    sentenceText,
    spanStartInSentence: 0,
    sentenceNames: [speaker],
    responseCue: null,
    factCheckOf: null,
    question: false,
  };
}

describe("pair candidates", () => {
  const claim = statement("st1", "Roy Hale", 1, "the county closed four hospitals since 2015");
  const judging = statement("st2", "Lena Ward", 2, "that is simply not true and he knows it");
  const farAway = statement("st3", "Tom Aske", 6, "that is simply not true and he knows it");

  it("considers a rival's judgement in the next paragraph, and marks it as a close dispute", () => {
    const ctx = buildPairContext([claim, judging, farAway], new Map());
    const pairs = candidatePairs(ctx, 16);
    expect(pairs).toContainEqual([0, 1]);
    // Four paragraphs on, an uncued judgement is no longer read as an answer to that claim.
    expect(pairs).not.toContainEqual([0, 2]);
    expect(pairFeatures(ctx, 0, 1).get("closeDispute")).toBe(1);
  });

  it("reads an uncued judgement as answering only the voice just before it, and never a two-word aside", () => {
    const earlier = statement("st0", "Tom Aske", 1, "the new clinic in Linden will open in the spring");
    const aside = statement("st4", "Ann Obi", 2, "of course");
    const ctx = buildPairContext([earlier, claim, judging, aside, { ...judging, id: "st5", paragraph: 2 }], new Map());
    const pairs = candidatePairs(ctx, 16);
    expect(pairs).toContainEqual([1, 2]);
    // Tom Aske spoke in the same paragraph as Hale, but Hale is the voice the judgement follows.
    expect(pairs).not.toContainEqual([0, 2]);
    expect(pairs.some(([c]) => c === 3)).toBe(false);
  });

  it("never considers the reverse of a pair the rules read from a cue", () => {
    // Each sentence names the other speaker, so either could be read as answering the other.
    const criticism = { ...claim, sentenceNames: ["Roy Hale", "Lena Ward"] };
    const rejection = { ...statement("st2", "Lena Ward", 2, "rejected criticism from Roy Hale"), sentenceNames: ["Lena Ward", "Roy Hale"] };
    const ctx = buildPairContext([criticism, rejection], new Map([["0>1", "rebuts"]]));
    const pairs = candidatePairs(ctx, 16);
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs).not.toContainEqual([1, 0]);
  });
});
