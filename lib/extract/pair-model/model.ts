// Decodes claim → response pairs with the learned weights: every ordered pair of statements by
// two speakers within a window is scored by a logistic model; each response keeps its best claims
// above the threshold; a small multinomial model names the relation.
import { z } from "zod";
import type { TRelation } from "../types";
import { buildPairContext, claimantNamed, nearestOtherVoiceBefore, pairFeatures, type TFeatures, type TPairContext } from "./features";
import type { TPairCandidate } from "../pairs";
import { alongside, responseRelation } from "../response-cue";
import weightsJson from "./weights.json";

const ZWeightTable = z.record(z.string(), z.number());

export const ZPairWeights = z.object({
  version: z.literal(1),
  trainedOn: z.object({
    set: z.string(),
    articles: z.number().int().nonnegative(),
    date: z.string(),
    seed: z.number().int(),
    folds: z.record(z.string(), z.number().int().nonnegative()),
  }),
  window: z.number().int().positive(),
  threshold: z.number().min(0).max(1),
  maxClaimsPerResponse: z.number().int().positive(),
  pair: ZWeightTable,
  relation: z.object({ rebuts: ZWeightTable, supports: ZWeightTable, responds: ZWeightTable }),
  crossValidation: z.record(z.string(), z.number()).optional(),
});
export type TPairWeights = z.infer<typeof ZPairWeights>;

export const RELATIONS: readonly TRelation[] = ["rebuts", "supports", "responds"];

/** The committed weights, validated once at load so a bad file fails loudly rather than pairs silently. */
export const PAIR_WEIGHTS: TPairWeights = ZPairWeights.parse(weightsJson);

export function dot(weights: Readonly<Record<string, number>>, features: TFeatures): number {
  let sum = 0;
  for (const [name, value] of features) sum += (weights[name] ?? 0) * value;
  return sum;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function relationOf(weights: TPairWeights["relation"], features: TFeatures): TRelation {
  let best: TRelation = "responds";
  let bestScore = -Infinity;
  for (const relation of RELATIONS) {
    const score = dot(weights[relation], features);
    if (score > bestScore) {
      bestScore = score;
      best = relation;
    }
  }
  return best;
}

export interface TScoredPair {
  claim: number;
  response: number;
  probability: number;
}

/**
 * Ordered (claim, response) index pairs the model considers, within the window: two different named
 * speakers, and a response the text marks as one — a response cue, the claimant named, a comment —
 * or that the rules paired.
 * Measured on real news, statements without any of these were almost never gold responses, and
 * pairing them cost far more wrong pairs than it found right ones.
 */
export function candidatePairs(ctx: TPairContext, window: number): [number, number][] {
  const { items } = ctx;
  const out: [number, number][] = [];
  for (let r = 0; r < items.length; r += 1) {
    const response = items[r];
    if (!response) continue;
    for (let c = Math.max(0, r - window); c <= Math.min(items.length - 1, r + window); c += 1) {
      const claim = items[c];
      if (c === r || !claim) continue;
      if (ctx.rulePairs.has(`${c}>${r}`)) {
        out.push([c, r]);
        continue;
      }
      // The rules read the direction from a cue ("rejected Holt's claim"): its reverse is no candidate.
      if (ctx.rulePairs.has(`${r}>${c}`)) continue;
      if (!response.speaker || !claim.speaker || claim.speaker === response.speaker) continue;
      // "of course", "Yes": too few words to be a claim anyone answers.
      if (claim.text.trim().split(/\s+/).length < 4) continue;
      // "Like Corker, Menendez also rejected …": the one set beside the responder is not answered.
      if (alongside(response).has(claim.speaker.split(" ").pop() ?? "")) continue;
      // Or a response judging what was said ("it's not true") right after it: the nearest other voice
      // before it, within a paragraph. Any speaker within a paragraph was mostly the wrong one.
      const traits = ctx.traits[r];
      const judgesNearby =
        !!traits?.judges && Math.abs(response.paragraph - claim.paragraph) <= 1 && response.docIndex === claim.docIndex && nearestOtherVoiceBefore(ctx, r) === c;
      // A support word in the frame ("backing them up", "support for his proposal") names no one answered.
      const cued = traits?.cue !== undefined && traits.cue !== "none" && (traits.cue !== "support" || !!response.responseCue);
      const marked = cued || response.docKind === "comment" || claimantNamed(claim, response) || judgesNearby;
      if (marked) out.push([c, r]);
    }
  }
  return out;
}

/**
 * Keeps, per response, its best claims above the threshold; of a pair and its reverse, the likelier.
 * Responses in `answered` (the rules already paired them from an explicit cue) get no learned claims.
 */
export function decodePairs(
  scored: readonly TScoredPair[],
  threshold: number,
  maxClaimsPerResponse: number,
  answered: ReadonlySet<number> = new Set(),
): TScoredPair[] {
  const byResponse = new Map<number, TScoredPair[]>();
  for (const s of scored) {
    if (s.probability < threshold || answered.has(s.response)) continue;
    const list = byResponse.get(s.response) ?? [];
    list.push(s);
    byResponse.set(s.response, list);
  }
  const kept: TScoredPair[] = [];
  for (const list of byResponse.values()) {
    list.sort((a, b) => b.probability - a.probability || a.claim - b.claim);
    kept.push(...list.slice(0, maxClaimsPerResponse));
  }
  const probabilityOf = new Map(kept.map((s) => [`${s.claim}>${s.response}`, s.probability]));
  return kept
    .filter((s) => (probabilityOf.get(`${s.response}>${s.claim}`) ?? -1) <= s.probability - (s.claim < s.response ? 0 : 1e-12))
    .sort((a, b) => a.response - b.response || a.claim - b.claim);
}

/** Responses the rules paired: "claimIndex>responseIndex" keys → the response indexes. */
export function responsesOf(rulePairs: ReadonlyMap<string, string>): Set<number> {
  return new Set([...rulePairs.keys()].map((key) => Number(key.split(">")[1])));
}

export interface TLearnedPair {
  claim: number;
  response: number;
  relation: TRelation;
  probability: number;
}

/**
 * Learned pairs among one input's statements, for the responses the rules left unpaired. The rules'
 * pairs come from explicit cues ("rejected X's claim", fact-checks) and stay; elsewhere they are a
 * feature, not a verdict.
 */
export function scorePairs(
  items: readonly TPairCandidate[],
  rulePairs: ReadonlyMap<string, string>,
  weights: TPairWeights = PAIR_WEIGHTS,
): TLearnedPair[] {
  const ctx = buildPairContext(items, rulePairs);
  const scored = candidatePairs(ctx, weights.window).map(([c, r]) => ({
    claim: c,
    response: r,
    probability: sigmoid(dot(weights.pair, pairFeatures(ctx, c, r))),
  }));
  return decodePairs(scored, weights.threshold, weights.maxClaimsPerResponse, responsesOf(rulePairs)).map((s) => ({
    ...s,
    relation: items[s.response] ? responseRelation(items[s.response] as TPairCandidate) : "rebuts",
  }));
}
