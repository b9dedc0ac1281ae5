// The attribution tagger: a linear-chain model over paragraph tokens with BIO tags for source, cue
// and content, hashed features (features.ts) and Viterbi decoding. Training lives in
// bench/train-extractor.ts; this module only scores and decodes with the committed weights.
import { z } from "zod";
import type { TSpan } from "../types";
import { paragraphFeatures, tokenize, type TQuoteLookup, type TRuleHint, type TToken } from "./features";

export const TAGS = ["O", "B-S", "I-S", "B-C", "I-C", "B-Q", "I-Q"] as const;
export const TAG_COUNT = TAGS.length;
export type TSpanKind = "source" | "cue" | "content";
const KIND_OF_TAG: readonly (TSpanKind | null)[] = [null, "source", "source", "cue", "cue", "content", "content"];
/** An inside tag may only follow the begin or inside tag of its own kind. */
const ALLOWED = TAGS.map((_from, prev) => TAGS.map((to) => !to.startsWith("I-") || (prev > 0 && TAGS[prev]?.slice(2) === to.slice(2))));
const START_ALLOWED = TAGS.map((t) => !t.startsWith("I-"));

/** FNV-1a of a feature name, folded into `bits` bits. */
export function hashFeature(name: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & ((1 << bits) - 1);
}

export function featureIds(features: readonly (readonly string[])[], bits: number): Int32Array[] {
  return features.map((names) => {
    const ids = new Int32Array(names.length);
    for (let k = 0; k < names.length; k += 1) ids[k] = hashFeature(names[k] ?? "", bits);
    return ids;
  });
}

/** Adds the weight row of every hashed feature of one token to `out` (one score per tag). */
export type TEmit = (features: Int32Array, out: Float64Array) => void;

/**
 * Best tag sequence under emission + transition scores. `transitions[(prev + 1) * TAG_COUNT + tag]`,
 * prev = -1 for the sequence start.
 */
export function viterbi(ids: readonly Int32Array[], addEmissions: TEmit, transitions: ArrayLike<number>): number[] {
  return viterbiOver(emissionsOf(ids, addEmissions), ids.length, transitions);
}

/** Viterbi over precomputed emission scores (n rows of TAG_COUNT). */
function viterbiOver(emit: Float64Array, n: number, transitions: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * TAG_COUNT);
  const back = new Int8Array(n * TAG_COUNT);
  for (let i = 0; i < n; i += 1) {
    for (let t = 0; t < TAG_COUNT; t += 1) {
      let best = -Infinity;
      let arg = 0;
      if (i === 0) {
        best = START_ALLOWED[t] ? (transitions[t] ?? 0) : -Infinity;
      } else {
        for (let p = 0; p < TAG_COUNT; p += 1) {
          if (!ALLOWED[p]?.[t]) continue;
          const s = (score[(i - 1) * TAG_COUNT + p] ?? -Infinity) + (transitions[(p + 1) * TAG_COUNT + t] ?? 0);
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[i * TAG_COUNT + t] = best + (emit[i * TAG_COUNT + t] ?? 0);
      back[i * TAG_COUNT + t] = arg;
    }
  }
  const tags = new Array<number>(n).fill(0);
  let bestLast = -Infinity;
  for (let t = 0; t < TAG_COUNT; t += 1) {
    const s = score[(n - 1) * TAG_COUNT + t] ?? -Infinity;
    if (s > bestLast) {
      bestLast = s;
      tags[n - 1] = t;
    }
  }
  for (let i = n - 1; i > 0; i -= 1) tags[i - 1] = back[i * TAG_COUNT + (tags[i] ?? 0)] ?? 0;
  return tags;
}

export interface TTaggedSpan extends TSpan {
  kind: TSpanKind;
  /**
   * How sure the tagger is of this span: the mean, over its tokens, of the best path's score minus the
   * best score of any path that tags the token as something else (0 = a tie). Scores are the model's
   * own units (weights / scale), comparable across texts for one set of weights.
   */
  margin?: number;
}

/** Emission scores of every token, one row of TAG_COUNT per token. */
function emissionsOf(ids: readonly Int32Array[], addEmissions: TEmit): Float64Array {
  const out = new Float64Array(ids.length * TAG_COUNT);
  const row = new Float64Array(TAG_COUNT);
  ids.forEach((f, i) => {
    row.fill(0);
    addEmissions(f, row);
    out.set(row, i * TAG_COUNT);
  });
  return out;
}

/**
 * Max-marginals: forward[i, t] + backward[i, t] is the best score of a whole path with tag t at i.
 * Used for span margins only; decoding stays the plain Viterbi above.
 */
function maxMarginals(emit: Float64Array, n: number, transitions: ArrayLike<number>): Float64Array {
  const fwd = new Float64Array(n * TAG_COUNT);
  const bwd = new Float64Array(n * TAG_COUNT);
  for (let t = 0; t < TAG_COUNT; t += 1) fwd[t] = (START_ALLOWED[t] ? (transitions[t] ?? 0) : -Infinity) + (emit[t] ?? 0);
  for (let i = 1; i < n; i += 1) {
    for (let t = 0; t < TAG_COUNT; t += 1) {
      let best = -Infinity;
      for (let p = 0; p < TAG_COUNT; p += 1) {
        if (!ALLOWED[p]?.[t]) continue;
        const s = (fwd[(i - 1) * TAG_COUNT + p] ?? -Infinity) + (transitions[(p + 1) * TAG_COUNT + t] ?? 0);
        if (s > best) best = s;
      }
      fwd[i * TAG_COUNT + t] = best + (emit[i * TAG_COUNT + t] ?? 0);
    }
  }
  for (let i = n - 2; i >= 0; i -= 1) {
    for (let p = 0; p < TAG_COUNT; p += 1) {
      let best = -Infinity;
      for (let t = 0; t < TAG_COUNT; t += 1) {
        if (!ALLOWED[p]?.[t]) continue;
        const s = (transitions[(p + 1) * TAG_COUNT + t] ?? 0) + (emit[(i + 1) * TAG_COUNT + t] ?? 0) + (bwd[(i + 1) * TAG_COUNT + t] ?? 0);
        if (s > best) best = s;
      }
      bwd[i * TAG_COUNT + p] = best;
    }
  }
  for (let k = 0; k < fwd.length; k += 1) fwd[k] = (fwd[k] ?? 0) + (bwd[k] ?? 0);
  return fwd;
}

/** Each span's margin (see TTaggedSpan), from the max-marginals of its paragraph. */
function withMargins(spans: TTaggedSpan[], tokens: readonly TToken[], marginals: Float64Array): TTaggedSpan[] {
  let best = -Infinity;
  for (let t = 0; t < TAG_COUNT; t += 1) best = Math.max(best, marginals[t] ?? -Infinity);
  let i = 0;
  for (const span of spans) {
    while (i < tokens.length && (tokens[i]?.start ?? 0) < span.start) i += 1;
    let sum = 0;
    let count = 0;
    for (let k = i; k < tokens.length && (tokens[k]?.end ?? Infinity) <= span.end; k += 1) {
      let other = -Infinity;
      for (let t = 0; t < TAG_COUNT; t += 1) if (KIND_OF_TAG[t] !== span.kind) other = Math.max(other, marginals[k * TAG_COUNT + t] ?? -Infinity);
      sum += best - other;
      count += 1;
    }
    span.margin = count > 0 ? sum / count : 0;
  }
  return spans;
}

/** Spans of consecutive B/I tags of one kind, as character offsets. */
export function spansOfTags(tokens: readonly TToken[], tags: readonly number[]): TTaggedSpan[] {
  const out: TTaggedSpan[] = [];
  let open: TTaggedSpan | null = null;
  tags.forEach((tag, i) => {
    const tok = tokens[i];
    const kind = KIND_OF_TAG[tag] ?? null;
    if (!tok) return;
    if (kind && open && TAGS[tag]?.startsWith("I-")) {
      open.end = tok.end;
      return;
    }
    if (open) out.push(open);
    open = kind ? { kind, start: tok.start, end: tok.end } : null;
  });
  if (open) out.push(open);
  return out;
}

export const ZModelWeights = z.object({
  format: z.literal("counterpoint-attribution-tagger/1"),
  trainedOn: z.string(),
  trainedAt: z.string(),
  folds: z.string(),
  seed: z.string(),
  epochs: z.number().int().positive(),
  hashBits: z.number().int().min(8).max(24),
  scale: z.number().positive(),
  tags: z.array(z.string()),
  transitions: z.array(z.number()),
  /** Scores the trainer measured with these weights on the team's own annotated articles. */
  selfCheck: z
    .object({
      sample: z.string(),
      /** The engine scored (its tagger policy); "model" when absent, as before engines had policies. */
      engine: z.enum(["model", "hybrid"]).optional(),
      statementRecall: z.number(),
      statementPrecision: z.number(),
      statements: z.number().int(),
    })
    .optional(),
  /** Flattened rows: bucket, then one quantized weight per tag. */
  rows: z.array(z.number().int()),
});
export type TModelWeights = z.infer<typeof ZModelWeights>;

/** A loaded tagger: weights kept compact (a bucket → row map over one Float32Array). */
export class AttributionTagger {
  /** Bucket → 1 + its row's offset in `weights` (0 = a pruned bucket): a flat table, no hashing per lookup. */
  private readonly rowOf: Int32Array;
  private readonly weights: Float32Array;
  private readonly transitions: Float64Array;
  private readonly bits: number;

  constructor(data: TModelWeights) {
    if (data.tags.join(",") !== TAGS.join(",")) throw new Error("attribution tagger: weights were trained with other tags");
    const stride = TAG_COUNT + 1;
    if (data.rows.length % stride !== 0) throw new Error("attribution tagger: rows are not whole");
    this.bits = data.hashBits;
    this.rowOf = new Int32Array(1 << data.hashBits);
    this.weights = new Float32Array((data.rows.length / stride) * TAG_COUNT);
    for (let r = 0; r * stride < data.rows.length; r += 1) {
      this.rowOf[data.rows[r * stride] ?? 0] = r * TAG_COUNT + 1;
      for (let t = 0; t < TAG_COUNT; t += 1) this.weights[r * TAG_COUNT + t] = (data.rows[r * stride + 1 + t] ?? 0) / data.scale;
    }
    this.transitions = Float64Array.from(data.transitions, (x) => x / data.scale);
  }

  /** Source, cue and content spans of one paragraph. */
  tagParagraph(text: string, paragraph: TSpan, quotes: TQuoteLookup, hints: readonly TRuleHint[] = []): TTaggedSpan[] {
    const tokens = tokenize(text, paragraph);
    if (tokens.length === 0) return [];
    const ids = featureIds(paragraphFeatures(tokens, quotes, hints), this.bits);
    const emit = emissionsOf(ids, this.addEmissions);
    const spans = spansOfTags(tokens, viterbiOver(emit, tokens.length, this.transitions));
    return withMargins(spans, tokens, maxMarginals(emit, tokens.length, this.transitions));
  }

  private readonly addEmissions: TEmit = (features, out) => {
    for (let k = 0; k < features.length; k += 1) {
      const at = (this.rowOf[features[k] ?? 0] ?? 0) - 1;
      if (at < 0) continue;
      for (let t = 0; t < TAG_COUNT; t += 1) out[t] = (out[t] ?? 0) + (this.weights[at + t] ?? 0);
    }
  };
}
