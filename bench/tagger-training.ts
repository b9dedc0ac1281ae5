// Training of the attribution tagger (lib/extract/model): gold BIO tags from attribution records,
// an averaged structured perceptron, quantized weights, and a quick content/source score.
// Deterministic: a fixed seed orders the examples. The command line is bench/train-extractor.ts.
import { findQuotes } from "@/lib/extract/quotes";
import { segmentDocuments } from "@/lib/extract/segment";
import type { TSpan } from "@/lib/extract/types";
import { DEFAULT_ENGINE, ENGINE_POLICIES, extractWith, ruleHints } from "@/lib/extract";
import { EVAL_DIR, loadEvalCases, rate, scoreCase, sumScores } from "@/tests/unit/extract/score-extraction";
import { paragraphFeatures, quoteLookup, tokenize, type TRuleHint, type TToken } from "@/lib/extract/model/features";
import { linkAttributions, type TAttribution } from "@/lib/extract/model/link";
import {
  AttributionTagger,
  featureIds,
  TAG_COUNT,
  TAGS,
  viterbi,
  type TEmit,
  type TModelWeights,
} from "@/lib/extract/model/model";
import type { TPolnearRecord } from "./polnear";
import { createRandom } from "@/lib/seeded-random";

export const HASH_BITS = 20;
const SCALE = 10;
// Rows whose every quantized |weight| is below this (20.0) are dropped: of ≈ 200k rows ≈ 5k stay (≈ 0.2 MB
// instead of 5.5 MB), and the hybrid engine scores the same on fold 1 and the dispute gold (h-tagger:
// 20 → 200 → 400 gave content F1@0.8 .563 / .564 / .563, gold statements .815 each).
const MIN_WEIGHT = 200;
const SHUFFLE_SEED = 20261201;

interface TExample {
  ids: Int32Array[];
  gold: Int8Array;
}

interface TGoldAttribution {
  source: TSpan[];
  cue: TSpan[];
  content: TSpan[];
}

function within(inner: TSpan, outer: readonly TSpan[]): boolean {
  return outer.some((o) => inner.start >= o.start && inner.end <= o.end);
}

/** Attributions that are not nested inside another's content: a flat tagging can hold only those. */
export function outerAttributions(rec: Pick<TPolnearRecord, "attributions">): TGoldAttribution[] {
  const all = rec.attributions
    .map((a) => ({ source: a.source ?? [], cue: a.cue ?? [], content: a.content ?? [] }))
    .filter((a) => a.content.length > 0 && a.cue.length > 0);
  return all.filter(
    (a) => !all.some((b) => b !== a && [...a.content, ...a.cue, ...a.source].every((p) => within(p, b.content))),
  );
}

/** BIO tag ids per token: content first, then source and cue on top. */
export function goldTags(tokens: readonly TToken[], attributions: readonly TGoldAttribution[]): Int8Array {
  const tags = new Int8Array(tokens.length);
  const piece = new Int32Array(tokens.length).fill(-1);
  let pieceId = 0;
  const paint = (spans: readonly TSpan[], begin: number): void => {
    for (const s of spans) {
      pieceId += 1;
      tokens.forEach((t, i) => {
        if (t.start >= s.start && t.end <= s.end) {
          tags[i] = begin;
          piece[i] = pieceId;
        }
      });
    }
  };
  const B_S = TAGS.indexOf("B-S");
  const B_C = TAGS.indexOf("B-C");
  const B_Q = TAGS.indexOf("B-Q");
  for (const a of attributions) paint(a.content, B_Q);
  for (const a of attributions) paint(a.source, B_S);
  for (const a of attributions) paint(a.cue, B_C);
  for (let i = 1; i < tokens.length; i += 1) {
    if ((tags[i] ?? 0) > 0 && piece[i] === piece[i - 1]) tags[i] = (tags[i] ?? 0) + 1;
  }
  return tags;
}

interface TPreparedParagraph {
  paragraph: TSpan;
  hints: TRuleHint[];
  tokens: TToken[];
  ids: Int32Array[];
}

function prepare(text: string, bits = HASH_BITS): { paragraphs: TPreparedParagraph[]; lookup: ReturnType<typeof quoteLookup> } {
  const paragraphs = segmentDocuments(text).flatMap((s) => s.paragraphs);
  const lookup = quoteLookup(findQuotes(text, paragraphs));
  const hints = ruleHints(text);
  return {
    lookup,
    paragraphs: paragraphs.map((p) => {
      const tokens = tokenize(text, p);
      const mine = hints.filter((h) => h.start < p.end && h.end > p.start);
      return { paragraph: p, tokens, hints: mine, ids: featureIds(paragraphFeatures(tokens, lookup, mine), bits) };
    }),
  };
}

export function examplesOf(records: readonly TPolnearRecord[], bits = HASH_BITS): TExample[] {
  const out: TExample[] = [];
  for (const rec of records) {
    const attributions = outerAttributions(rec);
    for (const p of prepare(rec.text, bits).paragraphs) {
      if (p.tokens.length === 0) continue;
      out.push({ ids: p.ids, gold: goldTags(p.tokens, attributions) });
    }
  }
  return out;
}

/** Averaged structured perceptron (Collins 2002) with the lazy-average trick: avg = w − u / c. */
export function train(
  examples: readonly TExample[],
  epochs: number,
  log: (s: string) => void,
  bits = HASH_BITS,
): { w: Float64Array; trans: Float64Array } {
  const size = (1 << bits) * TAG_COUNT;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const trans = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  const transU = new Float64Array(trans.length);
  const emit: TEmit = (features, out) => {
    for (let k = 0; k < features.length; k += 1) {
      const base = (features[k] ?? 0) * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t += 1) out[t] = (out[t] ?? 0) + (w[base + t] ?? 0);
    }
  };
  const order = examples.map((_e, i) => i);
  const random = createRandom(SHUFFLE_SEED);
  let c = 1;
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    let wrong = 0;
    let total = 0;
    for (const k of order) {
      const ex = examples[k];
      if (!ex) continue;
      const pred = viterbi(ex.ids, emit, trans);
      for (let i = 0; i < pred.length; i += 1) {
        const g = ex.gold[i] ?? 0;
        const p = pred[i] ?? 0;
        total += 1;
        if (g !== p) {
          wrong += 1;
          const f = ex.ids[i] ?? new Int32Array(0);
          for (let m = 0; m < f.length; m += 1) {
            const base = (f[m] ?? 0) * TAG_COUNT;
            w[base + g] = (w[base + g] ?? 0) + 1;
            u[base + g] = (u[base + g] ?? 0) + c;
            w[base + p] = (w[base + p] ?? 0) - 1;
            u[base + p] = (u[base + p] ?? 0) - c;
          }
        }
        const gp = i === 0 ? 0 : (ex.gold[i - 1] ?? 0) + 1;
        const pp = i === 0 ? 0 : (pred[i - 1] ?? 0) + 1;
        if (gp !== pp || g !== p) {
          const gi = gp * TAG_COUNT + g;
          const pi = pp * TAG_COUNT + p;
          trans[gi] = (trans[gi] ?? 0) + 1;
          transU[gi] = (transU[gi] ?? 0) + c;
          trans[pi] = (trans[pi] ?? 0) - 1;
          transU[pi] = (transU[pi] ?? 0) - c;
        }
      }
      c += 1;
    }
    log(`epoch ${epoch}: token error ${((100 * wrong) / Math.max(1, total)).toFixed(2)}% of ${total}`);
  }
  for (let i = 0; i < size; i += 1) w[i] = (w[i] ?? 0) - (u[i] ?? 0) / c;
  for (let i = 0; i < trans.length; i += 1) trans[i] = (trans[i] ?? 0) - (transU[i] ?? 0) / c;
  return { w, trans };
}

export function quantize(
  w: Float64Array,
  trans: Float64Array,
  meta: Omit<TModelWeights, "format" | "hashBits" | "scale" | "tags" | "transitions" | "rows">,
  bits = HASH_BITS,
  minWeight = MIN_WEIGHT,
): TModelWeights {
  const rows: number[] = [];
  for (let b = 0; b < 1 << bits; b += 1) {
    const q = Array.from({ length: TAG_COUNT }, (_x, t) => Math.round((w[b * TAG_COUNT + t] ?? 0) * SCALE));
    if (q.some((x) => Math.abs(x) >= minWeight)) rows.push(b, ...q);
  }
  return {
    format: "counterpoint-attribution-tagger/1",
    ...meta,
    hashBits: bits,
    scale: SCALE,
    tags: [...TAGS],
    transitions: Array.from(trans, (x) => Math.round(x * SCALE)),
    rows,
  };
}

/** The same weights without the rows whose every quantized weight is below `minWeight` (see quantize). */
export function prune(weights: TModelWeights, minWeight: number): TModelWeights {
  const stride = TAG_COUNT + 1;
  const rows: number[] = [];
  for (let r = 0; r + stride <= weights.rows.length; r += stride) {
    const row = weights.rows.slice(r, r + stride);
    if (row.slice(1).some((x) => Math.abs(x) >= minWeight)) rows.push(...row);
  }
  return { ...weights, rows };
}

/** The tagger's linked attributions of a whole text, with the rule engine's hints, as in the product. */
export function tagText(tagger: AttributionTagger, text: string): TAttribution[] {
  const { paragraphs, lookup } = prepare(text);
  return paragraphs.flatMap((p) => linkAttributions(tagger.tagParagraph(text, p.paragraph, lookup, p.hints)));
}

function trimQuoteMarks(text: string, s: TSpan): TSpan {
  let { start, end } = s;
  while (start < end && /[\s“”"‘’'«»„]/.test(text[start] ?? "")) start += 1;
  while (end > start && /[\s“”"‘’'«»„.,]/.test(text[end - 1] ?? "")) end -= 1;
  return { start, end };
}

function overlap(a: TSpan, b: TSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Content F1 at 80% coverage and source accuracy, one-to-one greedy like the shared scorer (no merging). */
export function evaluate(tagger: AttributionTagger, records: readonly TPolnearRecord[]): { p: number; r: number; f1: number; src: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let srcOk = 0;
  let srcN = 0;
  for (const rec of records) {
    if (rec.primary === false) continue;
    const pred = tagText(tagger, rec.text);
    const gold = rec.attributions
      .filter((a) => (a.content ?? []).length > 0)
      .map((a) => ({ content: a.content ?? [], source: a.source ?? [] }));
    const cands: { pi: number; gi: number; cover: number }[] = [];
    pred.forEach((p, pi) => {
      const span = trimQuoteMarks(rec.text, p.content);
      gold.forEach((g, gi) => {
        const len = g.content.reduce((n, c) => n + c.end - c.start, 0);
        const common = g.content.reduce((n, c) => n + overlap(span, c), 0);
        if (common > 0 && len > 0) cands.push({ pi, gi, cover: common / len });
      });
    });
    cands.sort((a, b) => b.cover - a.cover);
    const usedP = new Set<number>();
    const usedG = new Map<number, number>();
    for (const c of cands) {
      if (usedP.has(c.pi) || usedG.has(c.gi)) continue;
      usedP.add(c.pi);
      usedG.set(c.gi, c.cover);
      const g = gold[c.gi];
      const src = pred[c.pi]?.source;
      if (g && g.source.length && c.cover >= 0.3) {
        srcN += 1;
        if (src && g.source.some((s) => overlap(s, src) > 0)) srcOk += 1;
      }
    }
    const hits = [...usedG.values()].filter((v) => v >= 0.8).length;
    tp += hits;
    fn += gold.length - hits;
    fp += pred.length - hits;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, src: srcOk / Math.max(1, srcN) };
}


export const SELF_CHECK_SAMPLE = "tests/fixtures/extract/eval";

/**
 * Statement recall and precision of the whole engine with this tagger on the team's eval articles,
 * under the default engine's policy (the "model" engine's when the default runs the rules alone).
 */
export function selfCheck(tagger: AttributionTagger): NonNullable<TModelWeights["selfCheck"]> {
  const cases = loadEvalCases(EVAL_DIR);
  const engine = DEFAULT_ENGINE === "rules" ? "model" : DEFAULT_ENGINE;
  const results = cases.map((c) => extractWith(c.text, {}, tagger, ENGINE_POLICIES[engine]));
  const total = sumScores(cases.map((c, k) => scoreCase(c, results[k] ?? { version: 1, documents: [] }).scores));
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    sample: SELF_CHECK_SAMPLE,
    engine,
    statementRecall: round(rate(total.statementRecall)),
    statementPrecision: round(rate(total.statementPrecision)),
    statements: results.reduce((n, r) => n + r.documents.reduce((m, d) => m + d.statements.length, 0), 0),
  };
}
