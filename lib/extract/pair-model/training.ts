// Trains the pair model from excerpt-keyed gold: runs the engine on each text, aligns its
// statements to the gold ones the way the scorer does (a prediction covers ≥ 60% of an excerpt),
// labels each statement as answering someone or not and, for those that do, which candidate claim
// is the gold one; fits the response model (logistic) and the claim ranker (softmax), and picks the
// decoding threshold by cross-validation with one fold per outlet.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { extractStatements } from "../index";
import { findRulePairs, indexRulePairs, PRECISE_RULES, type TPairCandidate, type TPairSource, type TRulePair } from "../pairs";
import type { TRelation, TSpan } from "../types";
import { buildPairContext, type TFeatures, type TPairContext } from "./features";
import { bestClaim, decodePairs, dot, rankResponse, withTopClaim, readResponse, sigmoid, softmax, type TPairWeights, type TRankModel, type TResponseCandidate } from "./model";
import { responseRelation } from "../response-cue";
import { createRandom } from "@/lib/seeded-random";

const ZGoldFile = z.object({
  input: z.string(),
  documents: z.array(
    z.object({
      statements: z.array(z.object({ key: z.string(), excerpt: z.string(), optional: z.boolean().optional() })),
      pairs: z.array(
        z.object({
          claim: z.string(),
          response: z.string(),
          relation: z.enum(["rebuts", "supports", "responds"]),
          optional: z.boolean().optional(),
          alternatives: z.array(z.enum(["rebuts", "supports", "responds"])).optional(),
          alternatives_claim: z.array(z.string()).optional(),
          alternatives_response: z.array(z.string()).optional(),
        }),
      ),
    }),
  ),
});

const STATEMENT_MIN_COVER = 0.6;
export const WINDOW = 16;
export interface TFitOptions {
  l2: number;
  epochs: number;
  /** Cap on how much more a gold pair counts than a non-pair (they are ~1 in 100 candidates). */
  maxPositiveWeight: number;
}
// L2 .01: the two small models (≈ 20 features each) kept too little of what they learned at .1; leaving
// one outlet out, .01 ranked the gold claim first for 58 of 87 gold responses against 53 at .1.
export const FIT: TFitOptions = { l2: 0.01, epochs: 400, maxPositiveWeight: 10 };
/**
 * Weight of recall against precision when the threshold is chosen (F-beta). Leaving one outlet out, F1
 * and F0.5 choices gave the same pair F1 (.18) with 67 wrong pairs against 20: a wrong pair misleads a
 * reader, a missing one only leaves a gap, so precision weighs twice.
 */
export const DECODING_BETA = 0.5;
export const THRESHOLDS: readonly number[] = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

interface TGoldPair {
  claims: string[];
  responses: string[];
  relations: TRelation[];
  optional: boolean;
}

/** A statement read as a possible response, labelled from the gold. */
interface TExample extends TResponseCandidate {
  /** 1 answers a candidate claim in a required gold pair, 0 answers none; optional-only ones are left out. */
  label: 0 | 1;
  /** Which of `claims` are gold claims of this response (required pairs). */
  gold: boolean[];
  /** The relation the product gives this response if it keeps a learned pair (from its cue). */
  decodedRelation: TRelation;
  /**
   * A gold response whose gold claim is none of its candidates (the engine missed it, or gave it the
   * responder's own name): it does answer someone, so it is no lesson in what an answer is not.
   */
  answersUnseen: boolean;
}

export interface TArticle {
  name: string;
  /** Gold key of each engine statement, or null when it matches no gold statement. */
  keys: (string | null)[];
  goldPairs: TGoldPair[];
  examples: TExample[];
  /** The hand-written rules' pairs: the precise ones are verdicts, all are features. */
  rules: TRulePair[];
}

function inter(a: TSpan, b: TSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function occurrences(text: string, needle: string): TSpan[] {
  const out: TSpan[] = [];
  for (let i = text.indexOf(needle); needle && i >= 0; i = text.indexOf(needle, i + 1)) out.push({ start: i, end: i + needle.length });
  return out;
}

/** One-to-one, greedy by coverage, required gold first: the scorer's statement matching. */
export function alignStatements(text: string, spans: readonly TSpan[], gold: readonly { key: string; excerpt: string; optional?: boolean }[]): (string | null)[] {
  const G = gold.map((g) => ({ ...g, occ: occurrences(text, g.excerpt) }));
  const cands: { pi: number; gi: number; cover: number; common: number }[] = [];
  spans.forEach((span, pi) =>
    G.forEach((g, gi) => {
      let cover = 0;
      let common = 0;
      for (const o of g.occ) {
        const i = inter(span, o);
        if (i / (o.end - o.start) > cover) {
          cover = i / (o.end - o.start);
          common = i;
        }
      }
      if (cover >= STATEMENT_MIN_COVER) cands.push({ pi, gi, cover, common });
    }),
  );
  const len = (pi: number): number => (spans[pi]?.end ?? 0) - (spans[pi]?.start ?? 0);
  cands.sort(
    (a, b) =>
      Number(!!G[a.gi]?.optional) - Number(!!G[b.gi]?.optional) || b.cover - a.cover || b.common - a.common || len(a.pi) - len(b.pi) || a.pi - b.pi || a.gi - b.gi,
  );
  const keys: (string | null)[] = spans.map(() => null);
  const taken = new Set<number>();
  for (const c of cands) {
    if (keys[c.pi] !== null || taken.has(c.gi)) continue;
    keys[c.pi] = G[c.gi]?.key ?? null;
    taken.add(c.gi);
  }
  return keys;
}

/** What the engine found in one gold article, aligned to the gold: the input of labelling. */
export interface TAlignedArticle {
  name: string;
  items: TPairCandidate[];
  keys: (string | null)[];
  goldPairs: TGoldPair[];
}

/** Runs the engine on one gold article and labels every candidate pair it would consider. */
export function prepareArticle(name: string, goldJson: unknown, text: string): TArticle {
  return labelArticle(alignArticle(name, goldJson, text));
}

/** Runs the engine on one gold article and aligns its statements to the gold ones. */
export function alignArticle(name: string, goldJson: unknown, text: string): TAlignedArticle {
  const gold = ZGoldFile.parse(goldJson);
  const { extraction, candidates } = extractStatements(text);
  const spanOf = new Map(extraction.documents.flatMap((d) => d.statements.map((s) => [s.id, s.span] as const)));
  const items: TPairCandidate[] = candidates;
  const keys = alignStatements(
    text,
    items.map((item) => spanOf.get(item.id) ?? { start: 0, end: 0 }),
    gold.documents.flatMap((d) => d.statements),
  );
  const goldPairs: TGoldPair[] = gold.documents.flatMap((d) =>
    d.pairs.map((p) => ({
      claims: [p.claim, ...(p.alternatives_claim ?? [])],
      responses: [p.response, ...(p.alternatives_response ?? [])],
      relations: [p.relation, ...(p.alternatives ?? [])],
      optional: !!p.optional,
    })),
  );
  return { name, items, keys, goldPairs };
}

/** Every statement with someone else to answer, with all its candidate claims: what labelling reads. */
export function responseCandidates(ctx: TPairContext, window: number): TResponseCandidate[] {
  return ctx.items.flatMap((_, r) => readResponse(ctx, r, window) ?? []);
}

/** Labels every statement of an aligned article that could answer someone, from its gold pairs. */
export function labelArticle({ name, items, keys, goldPairs }: TAlignedArticle): TArticle {
  const rules = indexRulePairs(items, findRulePairs(items));
  const ctx = buildPairContext(items, rules);
  const examples: TExample[] = [];
  for (const candidate of responseCandidates(ctx, WINDOW)) {
    const kr = keys[candidate.response];
    const hits = candidate.claims.map(({ claim }) => {
      const kc = keys[claim];
      return kc && kr ? goldPairs.filter((g) => g.claims.includes(kc) && g.responses.includes(kr)) : [];
    });
    const gold = hits.map((h) => h.some((g) => !g.optional));
    const optionalOnly = hits.some((h) => h.length > 0) && !gold.some(Boolean);
    if (optionalOnly) continue;
    const label = gold.some(Boolean) ? 1 : 0;
    examples.push({
      ...candidate,
      label,
      gold,
      answersUnseen: label === 0 && !!kr && goldPairs.some((g) => !g.optional && g.responses.includes(kr)),
      decodedRelation: items[candidate.response] ? responseRelation(items[candidate.response] as TPairCandidate) : "rebuts",
    });
  }
  return { name, keys, goldPairs, examples, rules };
}

/** Reads a folder of gold files and their texts (`<texts>/<input>`), sorted by file name. */
export function loadArticles(goldDir: string, textsDir: string): TArticle[] {
  return alignArticles(goldDir, textsDir).map(labelArticle);
}

/** Reads a folder of gold files and their texts and runs the engine on each, without labelling. */
export function alignArticles(goldDir: string, textsDir: string): TAlignedArticle[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const gold: unknown = JSON.parse(readFileSync(path.join(goldDir, file), "utf8"));
      const input = ZGoldFile.parse(gold).input;
      return alignArticle(file.replace(/\.json$/, ""), gold, readFileSync(path.join(textsDir, input), "utf8"));
    });
}

/**
 * Full-batch AdaGrad from zero weights: `gradientOf` gives the summed loss gradient at the current
 * weights and what it sums over; L2 pulls every weight but the bias. No randomness: same data → same
 * weights. AdaGrad so that features seen rarely still learn at a useful rate.
 */
function fitAdaGrad(
  names: readonly string[],
  fit: TFitOptions,
  gradientOf: (w: ReadonlyMap<string, number>) => { grad: ReadonlyMap<string, number>; total: number },
): Record<string, number> {
  const w = new Map(names.map((n) => [n, 0]));
  const sq = new Map(names.map((n) => [n, 1e-8]));
  for (let epoch = 0; epoch < fit.epochs; epoch += 1) {
    const { grad, total } = gradientOf(w);
    for (const n of names) {
      const g = (grad.get(n) ?? 0) / total + (n === "bias" ? 0 : fit.l2 * (w.get(n) ?? 0));
      sq.set(n, (sq.get(n) ?? 0) + g * g);
      w.set(n, (w.get(n) ?? 0) - (0.5 * g) / Math.sqrt(sq.get(n) ?? 1));
    }
  }
  return Object.fromEntries(names.map((n) => [n, round(w.get(n) ?? 0)]));
}

/** The response model: logistic regression on the L2-regularised log loss, the rare "answers someone" class weighted up. */
export function fitLogistic(examples: readonly { features: TFeatures; label: number }[], fit: TFitOptions = FIT): Record<string, number> {
  const names = [...new Set(examples.flatMap((e) => [...e.features.keys()]))].sort();
  const positives = examples.filter((e) => e.label === 1).length;
  // Balance the classes so a rare "is a pair" still moves the weights; the threshold is tuned after.
  const posWeight = positives > 0 ? Math.min(fit.maxPositiveWeight, (examples.length - positives) / positives) : 1;
  return fitAdaGrad(names, fit, (w) => {
    const grad = new Map(names.map((n) => [n, 0]));
    let total = 0;
    for (const e of examples) {
      let z = 0;
      for (const [n, v] of e.features) z += (w.get(n) ?? 0) * v;
      const weight = e.label === 1 ? posWeight : 1;
      const g = (sigmoid(z) - e.label) * weight;
      total += weight;
      for (const [n, v] of e.features) grad.set(n, (grad.get(n) ?? 0) + g * v);
    }
    return { grad, total };
  });
}

/**
 * The claim ranker: a conditional logit over each gold response's candidate claims, maximising the
 * share of its gold claims (it has no bias: a softmax ignores one).
 */
export function fitRanker(groups: readonly { features: TFeatures[]; gold: boolean[] }[], fit: TFitOptions = FIT): Record<string, number> {
  const names = [...new Set(groups.flatMap((g) => g.features.flatMap((f) => [...f.keys()])))].sort();
  return fitAdaGrad(names, fit, (w) => {
    const grad = new Map(names.map((n) => [n, 0]));
    const weights = Object.fromEntries(w);
    for (const g of groups) {
      const shares = softmax(g.features.map((f) => dot(weights, f)));
      const goldMass = shares.reduce((sum, p, i) => sum + (g.gold[i] ? p : 0), 0);
      if (goldMass <= 0) continue;
      // d(-log Σ_gold p)/dz_i = p_i − p_i·[gold_i]/Σ_gold p
      g.features.forEach((f, i) => {
        const share = shares[i] ?? 0;
        const d = share - (g.gold[i] ? share / goldMass : 0);
        for (const [n, v] of f) grad.set(n, (grad.get(n) ?? 0) + d * v);
      });
    }
    return { grad, total: Math.max(1, groups.length) };
  });
}

/**
 * Both models from labelled articles: the ranker on gold responses, then the response model on every
 * example, reading the claim that ranker puts first.
 */
export function fitModel(articles: readonly TArticle[], fit: TFitOptions = FIT): TRankModel {
  const examples = articles.flatMap((a) => a.examples);
  const claim = fitRanker(
    examples.filter((e) => e.label === 1).map((e) => ({ features: e.claims.map((c) => c.features), gold: e.gold })),
    fit,
  );
  const response = fitLogistic(
    examples.filter((e) => !e.answersUnseen).map((e) => ({ label: e.label, features: withTopClaim(e.features, e.claims[bestClaim(e, claim).best]?.features) })),
    fit,
  );
  return { response, claim };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface TPairScore {
  tp: number;
  fp: number;
  fn: number;
  relationTp: number;
}

/** Each decoded pair's verdict as score.mjs gives it: a required gold pair, a wrong pair, or neither (optional or repeated). */
export function judgePairs(article: TArticle, pairs: readonly { claim: number; response: number; relation: TRelation }[]): { verdict: "right" | "wrong" | "neither"; relationRight: boolean }[] {
  const used = new Set<number>();
  const seen = new Set<string>();
  return pairs.map((p) => {
    const c = article.keys[p.claim];
    const r = article.keys[p.response];
    const hits = c && r ? article.goldPairs.flatMap((g, i) => (g.claims.includes(c) && g.responses.includes(r) ? [i] : [])) : [];
    const free = hits.filter((i) => !used.has(i)).sort((i, j) => Number(article.goldPairs[i]?.optional) - Number(article.goldPairs[j]?.optional));
    const sig = `${c}>${r}`;
    const first = free[0];
    if (first !== undefined) {
      used.add(first);
      seen.add(sig);
      const g = article.goldPairs[first];
      if (g && !g.optional) return { verdict: "right", relationRight: g.relations.includes(p.relation) };
      return { verdict: "neither", relationRight: false };
    }
    if (hits.length > 0 && !seen.has(sig)) {
      seen.add(sig);
      return { verdict: "neither", relationRight: false };
    }
    return { verdict: "wrong", relationRight: false };
  });
}

/** Scores decoded pairs against one article's gold exactly as score.mjs does. */
export function scoreArticle(article: TArticle, pairs: readonly { claim: number; response: number; relation: TRelation }[]): TPairScore {
  const verdicts = judgePairs(article, pairs);
  const tp = verdicts.filter((v) => v.verdict === "right").length;
  const fp = verdicts.filter((v) => v.verdict === "wrong").length;
  const relationTp = verdicts.filter((v) => v.relationRight).length;
  const required = article.goldPairs.filter((g) => !g.optional).length;
  return { tp, fp, fn: required - tp, relationTp };
}

export function f1Of(s: TPairScore): { p: number; r: number; f1: number; relationF1: number } {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const rp = s.tp + s.fp ? s.relationTp / (s.tp + s.fp) : 0;
  const rr = s.tp + s.fn ? s.relationTp / (s.tp + s.fn) : 0;
  return { p: round(p), r: round(r), f1: round(f1), relationF1: round(rp + rr ? (2 * rp * rr) / (rp + rr) : 0) };
}

/** F-beta of pooled counts: beta < 1 weighs precision more than recall. */
export function fBeta(s: TPairScore, beta: number): number {
  const { p, r } = f1Of(s);
  const b2 = beta * beta;
  return p + r ? ((1 + b2) * p * r) / (b2 * p + r) : 0;
}

function add(a: TPairScore, b: TPairScore): TPairScore {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, relationTp: a.relationTp + b.relationTp };
}

const ZERO: TPairScore = { tp: 0, fp: 0, fn: 0, relationTp: 0 };

/** Decodes one article: the precise rules' pairs, then the ranker's for the responses they leave. */
export function decodeArticle(
  article: TArticle,
  model: TRankModel,
  threshold: number,
  precise: ReadonlySet<TPairSource> = PRECISE_RULES,
): { claim: number; response: number; relation: TRelation }[] {
  const kept = article.rules.filter((p) => precise.has(p.source));
  const ruleRelation = new Map(article.rules.map((p) => [`${p.claim}>${p.response}`, p.relation]));
  const relationOf = new Map(article.examples.map((e) => [e.response, e.decodedRelation]));
  const scored = article.examples.flatMap((e) => rankResponse(e, model) ?? []);
  const learned = decodePairs(scored, threshold, new Set(kept.map((p) => p.response)), kept).map((s) => ({
    claim: s.claim,
    response: s.response,
    relation: ruleRelation.get(`${s.claim}>${s.response}`) ?? relationOf.get(s.response) ?? "rebuts",
  }));
  return [...kept, ...learned];
}

/** Deterministic fold of each article: a seeded shuffle of the sorted names, dealt round-robin. */
export function assignFolds(names: readonly string[], folds: number, seed: number): Record<string, number> {
  const random = createRandom(seed);
  const order = [...names].sort();
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return Object.fromEntries(order.map((name, i) => [name, i % folds]));
}

export interface TTrainOptions {
  fit?: TFitOptions;
  set: string;
  date: string;
  seed: number;
  folds: number;
}

export interface TTrainResult {
  weights: TPairWeights;
  /** Pooled out-of-fold figures at the chosen threshold, and of the rules alone on the same articles. */
  crossValidation: { p: number; r: number; f1: number; relationF1: number };
  rules: { p: number; r: number; f1: number; relationF1: number };
  /** The final model decoding the articles it was trained on: an upper bound, not a forecast. */
  inSample: { p: number; r: number; f1: number; relationF1: number };
}

/** Figures of the hand-written rules alone (every rule a verdict), for the before → after record. */
export function scoreRules(articles: readonly TArticle[]): TPairScore {
  return articles.reduce((total, a) => add(total, scoreArticle(a, a.rules)), ZERO);
}

/** The outlet of a gold article, from its file name ("nyt_2016-…" → "nyt"). */
export function outletOf(name: string): string {
  return name.split("_")[0] ?? name;
}

/** One fold per outlet: a model chosen on six outlets and scored on the seventh shows what transfers. */
export function outletFolds(names: readonly string[]): Record<string, number> {
  const outlets = [...new Set(names.map(outletOf))].sort();
  return Object.fromEntries(names.map((name) => [name, outlets.indexOf(outletOf(name))]));
}

export interface TDecoding {
  threshold: number;
  /** Pooled out-of-fold counts at that threshold. */
  score: TPairScore;
}

/**
 * The decoding threshold with the best pooled out-of-fold F-beta (DECODING_BETA): for each fold, models
 * fitted on the other folds decode it at every threshold. Within a point (noise on ~200 gold pairs), the
 * higher threshold: fewer wrong pairs.
 */
export function chooseDecoding(
  articles: readonly TArticle[],
  folds: Readonly<Record<string, number>>,
  fit: TFitOptions = FIT,
  precise: ReadonlySet<TPairSource> = PRECISE_RULES,
  beta = DECODING_BETA,
): TDecoding {
  const grid = new Map<number, TPairScore>();
  for (const fold of new Set(Object.values(folds))) {
    const train = articles.filter((a) => folds[a.name] !== fold);
    const test = articles.filter((a) => folds[a.name] === fold);
    if (test.length === 0) continue;
    const model = fitModel(train.length > 0 ? train : test, fit);
    for (const threshold of THRESHOLDS) {
      let total = grid.get(threshold) ?? ZERO;
      for (const a of test) total = add(total, scoreArticle(a, decodeArticle(a, model, threshold, precise)));
      grid.set(threshold, total);
    }
  }
  let bestThreshold = THRESHOLDS[0] ?? 0.5;
  let best = -1;
  for (const [threshold, score] of grid) {
    const f = Math.round(fBeta(score, beta) * 100);
    if (f >= best) {
      best = f;
      bestThreshold = threshold;
    }
  }
  return { threshold: bestThreshold, score: grid.get(bestThreshold) ?? ZERO };
}

export function trainPairModel(articles: readonly TArticle[], options: TTrainOptions): TTrainResult {
  // Folds by outlet: the decoding is chosen for news from an outlet the model has not seen. Gold
  // named without outlets falls back to seeded folds by article.
  const names = articles.map((a) => a.name);
  const byOutlet = outletFolds(names);
  const folds = new Set(Object.values(byOutlet)).size >= 2 ? byOutlet : assignFolds(names, Math.min(options.folds, Math.max(1, names.length)), options.seed);
  const { threshold, score } = chooseDecoding(articles, folds, options.fit);
  const cv = f1Of(score);
  const model = fitModel(articles, options.fit);
  const weights: TPairWeights = {
    version: 2,
    trainedOn: { set: options.set, articles: articles.length, date: options.date, seed: options.seed, folds },
    window: WINDOW,
    threshold,
    ...model,
    crossValidation: { folds: new Set(Object.values(folds)).size, pairP: cv.p, pairR: cv.r, pairF1: cv.f1, relationF1: cv.relationF1 },
  };
  const inSample = articles.reduce((total, a) => add(total, scoreArticle(a, decodeArticle(a, model, threshold))), ZERO);
  return { weights, crossValidation: cv, rules: f1Of(scoreRules(articles)), inSample: f1Of(inSample) };
}
