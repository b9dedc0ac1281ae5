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

/** Index of the claim the ranker puts first among a response's candidates, and every candidate's share. */
export function bestClaim(candidate: TResponseCandidate, claimWeights: TRankModel["claim"]): { best: number; shares: number[] } {
  const shares = softmax(candidate.claims.map((c) => dot(claimWeights, c.features)));
  let best = 0;
  shares.forEach((share, i) => {
    if (share > (shares[best] ?? 0)) best = i;
  });
  return { best, shares };
}

/**
 * The response's own features plus those of the claim the ranker put first ("top:…"): whether a
 * statement answers anyone shows in what it would answer (a voice just before that names it, shared words).
 */
export function withTopClaim(features: TFeatures, top: TFeatures | undefined): TFeatures {
  const out = new Map(features);
  for (const [name, value] of top ?? []) out.set(`top:${name}`, value);
  return out;
}

/** Each candidate response's best claim and the pair's probability: P(answers someone) × P(this claim | answers). */
export function rankResponse(candidate: TResponseCandidate, model: TRankModel): TScoredPair | null {
  if (candidate.claims.length === 0) return null;
  const { best, shares } = bestClaim(candidate, model.claim);
  const claim = candidate.claims[best];
  if (!claim) return null;
  const answers = sigmoid(dot(model.response, withTopClaim(candidate.features, claim.features)));
  return { claim: claim.claim, response: candidate.response, probability: answers * (shares[best] ?? 0) };
}

/**
 * The pairs above the threshold, one claim per response, skipping responses already paired (by a
 * rule that is its own verdict); of a pair and its reverse, the likelier.
 */
export function decodePairs(
  scored: readonly TScoredPair[],
  threshold: number,
  answered: ReadonlySet<number> = new Set(),
  rulePairs: readonly Pick<TRulePair, "claim" | "response">[] = [],
): TScoredPair[] {
  // A rule's answer is no claim its own claimant answers: the reverse of a rule's pair is never learned.
  const reversed = new Set(rulePairs.map((p) => `${p.response}>${p.claim}`));
  const kept = scored.filter((s) => s.probability >= threshold && !answered.has(s.response) && !reversed.has(`${s.claim}>${s.response}`));
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
 * Learned pairs among one input's statements. The rules' pairs are features; responses the precise
 * rules in `kept` answer get no learned claim, nor does a rule's claim as the answer to its own response.
 */
export function scorePairs(
  items: readonly TPairCandidate[],
  rules: readonly TRulePair[],
  kept: readonly TRulePair[],
  weights: TPairWeights = PAIR_WEIGHTS,
): TLearnedPair[] {
  const ctx = buildPairContext(items, rules);
  const answered = new Set(kept.map((p) => p.response));
  // A claim's share is at most 1 and the response model reads the ranker's best claim: a response whose
  // own features leave it below the threshold even with the best claim imaginable needs no claims ranked.
  const bound = topClaimBound(weights);
  const likelyEnough = (features: TFeatures): boolean => sigmoid(dot(weights.response, features) + bound) >= weights.threshold;
  const scored: TScoredPair[] = [];
  for (let r = 0; r < items.length; r += 1) {
    if (answered.has(r)) continue;
    const candidate = readResponse(ctx, r, weights.window, likelyEnough);
    const ranked = candidate ? rankResponse(candidate, weights) : null;
    if (ranked) scored.push(ranked);
  }
  return decodePairs(scored, weights.threshold, answered, kept).map((s) => ({
    ...s,
    relation: items[s.response] ? responseRelation(items[s.response] as TPairCandidate) : "rebuts",
  }));
}

/**
 * The most the top claim's features can add to a response's score: the largest positive "top:" weight
 * of each group of features that exclude each other ("gap:<=1" or "gap:<=2", never both), times the
 * feature's largest value (features are 0/1 but for "topic", at most 3).
 */
function topClaimBound(weights: TRankModel): number {
  const bestOfGroup = new Map<string, number>();
  for (const [name, w] of Object.entries(weights.response)) {
    if (!name.startsWith("top:") || w <= 0) continue;
    const group = name.split(":").slice(0, 2).join(":");
    bestOfGroup.set(group, Math.max(bestOfGroup.get(group) ?? 0, w * (name === "top:topic" ? 3 : 1)));
  }
  return [...bestOfGroup.values()].reduce((a, b) => a + b, 0);
}
