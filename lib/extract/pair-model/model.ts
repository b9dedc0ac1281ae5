// Decodes claim → response pairs with the learned weights, as a ranking: for each statement, how
// likely it answers anyone (a logistic model of the response alone), and which of the earlier
// statements by other speakers it answers (a softmax over those candidates). A pair is kept when
// the response's probability times its best claim's share passes the threshold.
import { z } from "zod";
import type { TRelation } from "../types";
import { buildPairContext, claimCandidates, claimFeatures, responseFeatures, topicsWith, type TFeatures, type TPairContext } from "./features";
import type { TPairCandidate, TRulePair } from "../pairs";
import { responseRelation } from "../response-cue";
import weightsJson from "./weights.json";

const ZWeightTable = z.record(z.string(), z.number());

export const ZPairWeights = z.object({
  version: z.literal(2),
  trainedOn: z.object({
    set: z.string(),
    articles: z.number().int().nonnegative(),
    date: z.string(),
    seed: z.number().int(),
    folds: z.record(z.string(), z.number().int().nonnegative()),
  }),
  window: z.number().int().positive(),
  threshold: z.number().min(0).max(1),
  /** Logistic weights of "this statement answers someone". */
  response: ZWeightTable,
  /** Softmax weights of "of the statements it may answer, this one". */
  claim: ZWeightTable,
  crossValidation: z.record(z.string(), z.number()).optional(),
});
export type TPairWeights = z.infer<typeof ZPairWeights>;
export type TRankModel = Pick<TPairWeights, "response" | "claim">;

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

/** Softmax of scores, shifted by the largest for numerical safety. */
export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** One statement read as a possible response: its features and those of each claim it may answer. */
export interface TResponseCandidate {
  response: number;
  features: TFeatures;
  claims: { claim: number; features: TFeatures }[];
}

/**
 * Statement `r` read as a possible response, or null when it has no one else to answer or `worthRanking`
 * turns its response features down before its claims are read (the costly half).
 */
export function readResponse(ctx: TPairContext, r: number, window: number, worthRanking: (features: TFeatures) => boolean = () => true): TResponseCandidate | null {
  const claims = claimCandidates(ctx, r, window);
  if (claims.length === 0) return null;
  const topics = topicsWith(ctx, r, claims);
  const features = responseFeatures(ctx, r, claims, topics);
  if (!worthRanking(features)) return null;
  return { response: r, features, claims: claims.map((c) => ({ claim: c, features: claimFeatures(ctx, c, r, claims, topics) })) };
}

export interface TScoredPair {
  claim: number;
  response: number;
  probability: number;
}

/** Each candidate response's best claim and the pair's probability: P(answers someone) × P(this claim | answers). */
export function rankResponse(candidate: TResponseCandidate, model: TRankModel): TScoredPair | null {
  if (candidate.claims.length === 0) return null;
  const shares = softmax(candidate.claims.map((c) => dot(model.claim, c.features)));
  let best = 0;
  shares.forEach((share, i) => {
    if (share > (shares[best] ?? 0)) best = i;
  });
  const claim = candidate.claims[best];
  if (!claim) return null;
  const answers = sigmoid(dot(model.response, candidate.features));
  return { claim: claim.claim, response: candidate.response, probability: answers * (shares[best] ?? 0) };
}

/**
 * The pairs above the threshold, one claim per response, skipping responses already paired (by a
 * rule that is its own verdict); of a pair and its reverse, the likelier.
 */
export function decodePairs(scored: readonly TScoredPair[], threshold: number, answered: ReadonlySet<number> = new Set()): TScoredPair[] {
  const kept = scored.filter((s) => s.probability >= threshold && !answered.has(s.response));
  const probabilityOf = new Map(kept.map((s) => [`${s.claim}>${s.response}`, s.probability]));
  return kept
    .filter((s) => {
      const reverse = probabilityOf.get(`${s.response}>${s.claim}`);
      // A tie goes to the reading in story order: the later statement answers.
      return reverse === undefined || reverse < s.probability || (reverse === s.probability && s.claim < s.response);
    })
    .sort((a, b) => a.response - b.response);
}

export interface TLearnedPair {
  claim: number;
  response: number;
  relation: TRelation;
  probability: number;
}

/**
 * Learned pairs among one input's statements. The rules' pairs are features; responses in `answered`
 * were settled by a rule and get no learned claim.
 */
export function scorePairs(
  items: readonly TPairCandidate[],
  rules: readonly TRulePair[],
  answered: ReadonlySet<number>,
  weights: TPairWeights = PAIR_WEIGHTS,
): TLearnedPair[] {
  const ctx = buildPairContext(items, rules);
  // A claim's share is at most 1: a response less likely than the threshold needs no claim ranked.
  const likelyEnough = (features: TFeatures): boolean => sigmoid(dot(weights.response, features)) >= weights.threshold;
  const scored: TScoredPair[] = [];
  for (let r = 0; r < items.length; r += 1) {
    if (answered.has(r)) continue;
    const candidate = readResponse(ctx, r, weights.window, likelyEnough);
    const ranked = candidate ? rankResponse(candidate, weights) : null;
    if (ranked) scored.push(ranked);
  }
  return decodePairs(scored, weights.threshold, answered).map((s) => ({
    ...s,
    relation: items[s.response] ? responseRelation(items[s.response] as TPairCandidate) : "rebuts",
  }));
}
