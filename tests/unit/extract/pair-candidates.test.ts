// What the pair ranker sees: which statements a response may answer, what marks a statement as
// answering anyone, and what marks one candidate as the claim answered. Statements written for these tests.
import { describe, expect, it } from "vitest";
import { buildPairContext, claimCandidates, claimFeatures, cueClass, responseFeatures } from "@/lib/extract/pair-model/features";
import { decodePairs, rankResponse } from "@/lib/extract/pair-model/model";
import { responseCandidates } from "@/lib/extract/pair-model/training";
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

const claim = statement("st1", "Roy Hale", 1, "the county closed four hospitals since 2015");
const aside = statement("st2", "Ann Obi", 2, "of course");
const judging = statement("st3", "Lena Ward", 2, "that is simply not true and he knows it");

describe("claim candidates", () => {
  it("are earlier statements by other speakers, never a two-word aside nor the responder's own words", () => {
    const own = statement("st4", "Lena Ward", 2, "the county budget grew by a third");
    const ctx = buildPairContext([claim, aside, own, judging], []);
    expect(claimCandidates(ctx, 3, 16)).toEqual([0]);
  });

  it("reach two statements after the response, not further", () => {
    const later = [3, 4, 5].map((p) => statement(`st${p + 2}`, "Tom Aske", p, "the hospital closures were ordered by the state board"));
    const ctx = buildPairContext([judging, ...later], []);
    expect(claimCandidates(ctx, 0, 16)).toEqual([1, 2]);
  });

  it("leave out the responder under another name: a surname alone, or their campaign", () => {
    const full = statement("st5", "Mara Lane", 1, "the county closed four hospitals since 2015");
    const short = statement("st6", "Lane", 2, "the closures saved the county nine million dollars");
    const campaign = statement("st7", "Lane campaign", 3, "the savings paid for two new clinics");
    const ctx = buildPairContext([claim, full, short, campaign], []);
    expect(claimCandidates(ctx, 2, 16)).toEqual([0]);
    expect(claimCandidates(ctx, 3, 16)).toEqual([0]);
  });

  it("leave out the one set beside the responder", () => {
    const response = statement("st5", "Lena Ward", 2, "rejected the plan", "Like Hale, Lena Ward rejected the plan.");
    const ctx = buildPairContext([claim, response], []);
    expect(claimCandidates(ctx, 1, 16)).toEqual([]);
  });
});

describe("response features", () => {
  it("read a reply verb after the words as a response cue", () => {
    const reply = { ...statement("st5", "Lena Ward", 2, "Absolutely not"), sentenceText: `"Absolutely not," Ward replied.`, spanStartInSentence: 1 };
    expect(cueClass(reply)).toBe("respond");
  });

  it("mark words pointing back at what was said, right after another voice", () => {
    const pointing = statement("st5", "Lena Ward", 2, "That's a silly thing to say about a county that built two clinics");
    const plain = statement("st6", "Lena Ward", 7, "the clinics will stay open through the winter");
    const ctx = buildPairContext([claim, pointing, plain], []);
    const f = responseFeatures(ctx, 1, claimCandidates(ctx, 1, 16));
    expect(f.get("refersBack")).toBe(1);
    expect(f.get("otherVoiceJustBefore")).toBe(1);
    const g = responseFeatures(ctx, 2, claimCandidates(ctx, 2, 16));
    expect(g.has("refersBack")).toBe(false);
    expect(g.has("otherVoiceJustBefore")).toBe(false);
  });

  it("mark a response naming someone who spoke, sharing their words, and the rule that paired it", () => {
    const naming = { ...statement("st5", "Lena Ward", 3, "Hale was wrong, the county closed no hospitals since 2015"), sentenceNames: ["Lena Ward", "Roy Hale"] };
    const unrelated = statement("st6", "Lena Ward", 4, "the ferry terminal opens in the spring");
    const ctx = buildPairContext([claim, naming, unrelated], [{ claim: 0, response: 1, source: "cueTarget" }]);
    const f = responseFeatures(ctx, 1, claimCandidates(ctx, 1, 16));
    expect(f.get("namesAnotherSpeaker")).toBe(1);
    expect(f.get("rule:cueTarget")).toBe(1);
    expect(f.get("sharedTopic:<=6")).toBe(1);
    const g = responseFeatures(ctx, 2, claimCandidates(ctx, 2, 16));
    expect(g.has("namesAnotherSpeaker")).toBe(false);
    expect(g.get("sharedTopic:<=1")).toBe(1);
  });
});

describe("a claim about the responder", () => {
  const accusing = { ...statement("st1", "Roy Hale", 1, "Ward closed four hospitals to pay for her stadium"), sentenceNames: ["Roy Hale", "Lena Ward"] };
  const bystander = statement("st2", "Tom Aske", 2, "the stadium opens in the spring");
  const denial = statement("st3", "Lena Ward", 3, "I have never closed a hospital");

  it("marks the claim that names the one answering, and the answer's denial", () => {
    const ctx = buildPairContext([accusing, bystander, denial], []);
    const candidates = claimCandidates(ctx, 2, 16);
    expect(candidates).toEqual([0, 1]);
    expect(claimFeatures(ctx, 0, 2, candidates).get("responderNamedInClaim")).toBe(1);
    expect(claimFeatures(ctx, 1, 2, candidates).has("responderNamedInClaim")).toBe(false);
    const f = responseFeatures(ctx, 2, candidates);
    expect(f.get("namedByEarlierVoice")).toBe(1);
    expect(f.get("negates")).toBe(1);
  });

  it("marks two speakers of whom one names the other anywhere in the story as disputants", () => {
    const hale = statement("st1", "Roy Hale", 1, "the county closed four hospitals since 2015");
    const naming = { ...statement("st2", "Lena Ward", 2, "Hale has the numbers wrong"), sentenceNames: ["Lena Ward"] };
    const aske = statement("st3", "Tom Aske", 3, "the stadium opens in the spring");
    const later = statement("st4", "Lena Ward", 4, "two clinics opened in Linden last year");
    const ctx = buildPairContext([hale, naming, aske, later], []);
    const candidates = claimCandidates(ctx, 3, 16);
    expect(candidates).toEqual([0, 2]);
    expect(claimFeatures(ctx, 0, 3, candidates).get("disputants")).toBe(1);
    expect(claimFeatures(ctx, 2, 3, candidates).has("disputants")).toBe(false);
    expect(responseFeatures(ctx, 3, candidates).get("inDispute")).toBe(1);
  });

  it("lets the response model read the claim the ranker puts first", () => {
    const ctx = buildPairContext([accusing, bystander, denial], []);
    const [candidate] = responseCandidates(ctx, 16).filter((c) => c.response === 2);
    if (!candidate) throw new Error("no candidate response");
    const model = { response: { bias: 0, "top:responderNamedInClaim": Math.log(3) }, claim: { responderNamedInClaim: 50 } };
    // The ranker puts the accusation first (share ≈ 1); reading it, the response model gives 3 to 1.
    const ranked = rankResponse(candidate, model);
    expect(ranked).toMatchObject({ claim: 0, response: 2 });
    expect(ranked?.probability).toBeCloseTo(0.75, 6);
  });
});

describe("decoding", () => {
  it("never learns the reverse of a rule's pair: a rule's answer is no claim its claimant answers", () => {
    const scored = [
      { claim: 2, response: 0, probability: 0.9 },
      { claim: 1, response: 3, probability: 0.8 },
    ];
    expect(decodePairs(scored, 0.5, new Set([2]), [{ claim: 0, response: 2 }])).toEqual([{ claim: 1, response: 3, probability: 0.8 }]);
  });
});

describe("claim features", () => {
  const other = statement("st4", "Tom Aske", 1, "the new clinic in Linden will open in the spring");
  const ctx = buildPairContext([claim, other, judging], []);
  const candidates = claimCandidates(ctx, 2, 16);

  it("mark the nearest other voice, and count the voices between a claim and its answer", () => {
    expect(candidates).toEqual([0, 1]);
    expect(claimFeatures(ctx, 1, 2, candidates).get("nearestOtherVoice")).toBe(1);
    expect(claimFeatures(ctx, 1, 2, candidates).get("voicesBetween:<=0")).toBe(1);
    expect(claimFeatures(ctx, 0, 2, candidates).has("nearestOtherVoice")).toBe(false);
    expect(claimFeatures(ctx, 0, 2, candidates).get("voicesBetween:<=1")).toBe(1);
  });

  it("mark the candidate sharing most words with the response, and one the response names", () => {
    const hospitals = { ...statement("st5", "Lena Ward", 2, "Hale knows the county closed no hospitals since 2015"), sentenceNames: ["Lena Ward", "Roy Hale"] };
    const c2 = buildPairContext([claim, other, hospitals], []);
    const cands = claimCandidates(c2, 2, 16);
    const hale = claimFeatures(c2, 0, 2, cands);
    expect(hale.get("bestTopic")).toBe(1);
    expect(hale.get("claimantNamed")).toBe(1);
    expect(claimFeatures(c2, 1, 2, cands).has("bestTopic")).toBe(false);
  });
});

describe("ranking", () => {
  it("keeps the best claim of a response, its probability the response's times the claim's share", () => {
    const ctx = buildPairContext([claim, { ...statement("st4", "Tom Aske", 1, "the new clinic in Linden will open in the spring") }, judging], []);
    const [candidate] = responseCandidates(ctx, 16).filter((c) => c.response === 2);
    if (!candidate) throw new Error("no candidate response");
    const ranked = rankResponse(candidate, { response: { bias: 0 }, claim: { nearestOtherVoice: Math.log(3) } });
    // sigmoid(0) = .5; the nearest voice gets 3 parts of 4.
    expect(ranked).toMatchObject({ claim: 1, response: 2 });
    expect(ranked?.probability).toBeCloseTo(0.375, 6);
  });
});
