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
  return features.map((names) => Int32Array.from(names, (n) => hashFeature(n, bits)));
}

/** Adds the weight row of every hashed feature of one token to `out` (one score per tag). */
export type TEmit = (features: Int32Array, out: Float64Array) => void;

/**
 * Best tag sequence under emission + transition scores. `transitions[(prev + 1) * TAG_COUNT + tag]`,
 * prev = -1 for the sequence start.
 */
export function viterbi(ids: readonly Int32Array[], addEmissions: TEmit, transitions: ArrayLike<number>): number[] {
  const n = ids.length;
  if (n === 0) return [];
  const score = new Float64Array(n * TAG_COUNT);
  const back = new Int8Array(n * TAG_COUNT);
  const emit = new Float64Array(TAG_COUNT);
  for (let i = 0; i < n; i += 1) {
    emit.fill(0);
    addEmissions(ids[i] ?? new Int32Array(0), emit);
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
      score[i * TAG_COUNT + t] = best + (emit[t] ?? 0);
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
    .object({ sample: z.string(), statementRecall: z.number(), statementPrecision: z.number(), statements: z.number().int() })
    .optional(),
  /** Flattened rows: bucket, then one quantized weight per tag. */
  rows: z.array(z.number().int()),
});
export type TModelWeights = z.infer<typeof ZModelWeights>;

/** A loaded tagger: weights kept compact (a bucket → row map over one Float32Array). */
export class AttributionTagger {
  private readonly rowOf = new Map<number, number>();
  private readonly weights: Float32Array;
  private readonly transitions: Float64Array;
  private readonly bits: number;

  constructor(data: TModelWeights) {
    if (data.tags.join(",") !== TAGS.join(",")) throw new Error("attribution tagger: weights were trained with other tags");
    const stride = TAG_COUNT + 1;
    if (data.rows.length % stride !== 0) throw new Error("attribution tagger: rows are not whole");
    this.bits = data.hashBits;
    this.weights = new Float32Array((data.rows.length / stride) * TAG_COUNT);
    for (let r = 0; r * stride < data.rows.length; r += 1) {
      this.rowOf.set(data.rows[r * stride] ?? 0, r * TAG_COUNT);
      for (let t = 0; t < TAG_COUNT; t += 1) this.weights[r * TAG_COUNT + t] = (data.rows[r * stride + 1 + t] ?? 0) / data.scale;
    }
    this.transitions = Float64Array.from(data.transitions, (x) => x / data.scale);
  }

  /** Source, cue and content spans of one paragraph. */
  tagParagraph(text: string, paragraph: TSpan, quotes: TQuoteLookup, hints: readonly TRuleHint[] = []): TTaggedSpan[] {
    const tokens = tokenize(text, paragraph);
    if (tokens.length === 0) return [];
    const ids = featureIds(paragraphFeatures(tokens, quotes, hints), this.bits);
    const addEmissions: TEmit = (features, out) => {
      for (let k = 0; k < features.length; k += 1) {
        const at = this.rowOf.get(features[k] ?? -1);
        if (at === undefined) continue;
        for (let t = 0; t < TAG_COUNT; t += 1) out[t] = (out[t] ?? 0) + (this.weights[at + t] ?? 0);
      }
    };
    return spansOfTags(tokens, viterbi(ids, addEmissions, this.transitions));
  }
}
