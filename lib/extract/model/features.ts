// What the attribution tagger sees: tokens of one paragraph and, per token, the feature names the
// rules also look at — the word and its neighbours, shape, quote marks and whether it sits inside a
// quotation, reporting verbs nearby, sentence position. Pure functions; the model hashes the names.
import { SPEECH_VERBS } from "../lexicon";
import type { TQuote } from "../quotes";
import type { TSpan } from "../types";
import { firstStartingAt } from "./sorted";

export interface TToken extends TSpan {
  /** Lower-cased text, curly apostrophes folded to straight ones. */
  word: string;
  raw: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'.\-&][\p{L}\p{N}]+)*\.?|[“”"‘’'«»„]|[^\s\p{L}\p{N}]/gu;
const QUOTE_MARK = /^[“”"‘’'«»„]$/;
const OPENERS = /^[“"‘'«„]$/;
const TERMINAL = /^[.!?]$/;
const PRONOUNS = new Set(["he", "she", "they", "i", "we", "it", "you"]);
const ABBREVIATION_DOT = /^(?:mr|mrs|ms|dr|sen|rep|gov|gen|st|jr|sr|lt|col|u\.s|u\.n|u\.k|d\.c|a\.m|p\.m|[a-z])\.$/;
const ROLE_WORDS = new Set(
  `president senator sen. rep. representative governor gov. secretary minister spokesman spokeswoman spokesperson
  official officials aide aides adviser advisers chairman chairwoman director leader candidate mayor ambassador
  analyst analysts expert experts source sources campaign committee professor economist attorney judge`.split(/\s+/),
);

/** Word, number and punctuation tokens of text[span]; a sentence-final period is its own token. */
export function tokenize(text: string, span: TSpan): TToken[] {
  const out: TToken[] = [];
  const slice = text.slice(span.start, span.end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let raw = m[0];
    // "said." ends a sentence; "Mr." and "U.S." keep their dot.
    if (raw.length > 1 && raw.endsWith(".") && !ABBREVIATION_DOT.test(raw.toLowerCase())) {
      raw = raw.slice(0, -1);
      TOKEN.lastIndex -= 1;
    }
    const start = span.start + m.index;
    out.push({ start, end: start + raw.length, raw, word: raw.toLowerCase().replace(/’/g, "'") });
  }
  return out;
}

function shapeOf(raw: string): string {
  if (QUOTE_MARK.test(raw)) return "Q";
  if (/^\p{Lu}+$/u.test(raw)) return raw.length > 1 ? "AA" : "A";
  if (/^\p{Lu}/u.test(raw)) return "Aa";
  if (/^\p{Ll}/u.test(raw)) return "a";
  if (/^\p{N}/u.test(raw)) return "0";
  return raw;
}

function bucket(n: number): string {
  if (n < 0) return "none";
  if (n <= 3) return String(n);
  if (n <= 6) return "4-6";
  if (n <= 12) return "7-12";
  return "13+";
}

/** Distance in tokens from each token to the nearest marked token on the left (or right), -1 if none. */
function distances(marks: readonly boolean[], fromLeft: boolean): number[] {
  const out = new Array<number>(marks.length).fill(-1);
  let last = -1;
  const n = marks.length;
  for (let k = 0; k < n; k += 1) {
    const i = fromLeft ? k : n - 1 - k;
    if (last !== -1) out[i] = Math.abs(i - last);
    if (marks[i]) last = i;
  }
  return out;
}

export interface TQuoteLookup {
  /** The quotation holding index i (marks included), or null. */
  at(i: number): TQuote | null;
}

/** What the rule engine found, offered to the model as evidence it learns how far to trust. */
export interface TRuleHint extends TSpan {
  kind: "direct" | "indirect" | "mixed" | "cue" | "source";
}

/**
 * The rule hint each token lies in: a cue or source before the statement around it, else the first
 * hint that covers it. Each hint marks its own tokens, so a long paragraph costs its tokens plus its
 * hints, not their product.
 */
function hintsAt(tokens: readonly TToken[], hints: readonly TRuleHint[]): ({ kind: string; first: boolean } | null)[] {
  const cueOrSource: (TRuleHint | undefined)[] = new Array(tokens.length);
  const any: (TRuleHint | undefined)[] = new Array(tokens.length);
  for (const h of hints) {
    const slots = h.kind === "cue" || h.kind === "source" ? cueOrSource : any;
    for (let i = firstStartingAt(tokens, h.start, (t) => t.start); i < tokens.length && (tokens[i]?.end ?? Infinity) <= h.end; i += 1) slots[i] ??= h;
  }
  return tokens.map((t, i) => {
    const h = cueOrSource[i] ?? any[i];
    return h ? { kind: h.kind, first: t.start === h.start } : null;
  });
}

/** Feature names for every token of one paragraph. */
export function paragraphFeatures(tokens: readonly TToken[], quotes: TQuoteLookup, hints: readonly TRuleHint[] = []): string[][] {
  const n = tokens.length;
  const words = tokens.map((t) => t.word);
  const cue = words.map((w) => SPEECH_VERBS.has(w));
  const quoteOf = tokens.map((t) => quotes.at(t.start));
  const mark = tokens.map((t) => QUOTE_MARK.test(t.raw));
  const inside = tokens.map((t, i) => {
    const q = quoteOf[i];
    return q !== null && q !== undefined && t.start > q.open && t.end < q.close;
  });
  const opening = tokens.map((t, i) => mark[i] === true && quoteOf[i]?.open === t.start);
  const closing = tokens.map((t, i) => mark[i] === true && quoteOf[i]?.close === t.end && OPENERS.test(t.raw) === false);
  const sentenceStart = tokens.map((_t, i) => i === 0 || (TERMINAL.test(tokens[i - 1]?.raw ?? "") && !inside[i - 1]));
  const cueLeft = distances(cue, true);
  const cueRight = distances(cue, false);
  const openLeft = distances(opening, true);
  const openRight = distances(opening, false);
  const closeLeft = distances(closing, true);
  const thatLeft = distances(words.map((w) => w === "that"), true);
  const hasQuote = quoteOf.some((q) => q !== null);
  const hasCue = cue.some(Boolean);
  const sentenceOf: number[] = [];
  let sentence = 0;
  tokens.forEach((_t, i) => {
    if (sentenceStart[i] && i > 0) sentence += 1;
    sentenceOf.push(sentence);
  });
  const sentenceCue = new Set(sentenceOf.filter((_s, i) => cue[i]));
  const hint = hintsAt(tokens, hints);
  const out: string[][] = [];
  let sentencePos = 0;
  for (let i = 0; i < n; i += 1) {
    if (sentenceStart[i]) sentencePos = 0;
    const t = tokens[i];
    if (!t) continue;
    const w = words[i] ?? "";
    const prev = words[i - 1] ?? "<s>";
    const prev2 = words[i - 2] ?? "<s>";
    const next = words[i + 1] ?? "</s>";
    const next2 = words[i + 2] ?? "</s>";
    const shape = shapeOf(t.raw);
    const q = inside[i] ? "in" : mark[i] ? (opening[i] ? "open" : closing[i] ? "close" : "mark") : "out";
    const cl = bucket(cueLeft[i] ?? -1);
    const cr = bucket(cueRight[i] ?? -1);
    const f = [
      "b",
      `w=${w}`,
      `p=${prev}`,
      `n=${next}`,
      `p2=${prev2}`,
      `n2=${next2}`,
      `pw=${prev}|${w}`,
      `wn=${w}|${next}`,
      `suf=${w.slice(-3)}`,
      `sh=${shape}`,
      `shp=${shapeOf(tokens[i - 1]?.raw ?? "")}|${shape}`,
      `shn=${shape}|${shapeOf(tokens[i + 1]?.raw ?? "")}`,
      `q=${q}`,
      `qw=${q}|${w}`,
      `cue=${cue[i] ? 1 : 0}`,
      `cl=${cl}`,
      `cr=${cr}`,
      `clr=${cl}|${cr}`,
      `qcl=${q}|${cl}`,
      `qcr=${q}|${cr}`,
      `ol=${bucket(openLeft[i] ?? -1)}`,
      `or=${bucket(openRight[i] ?? -1)}`,
      `cql=${bucket(closeLeft[i] ?? -1)}`,
      `th=${bucket(thatLeft[i] ?? -1)}|${cl}`,
      `sp=${bucket(sentencePos)}`,
      `sps=${bucket(sentencePos)}|${shape}`,
      `para=${hasQuote ? 1 : 0}${hasCue ? 1 : 0}`,
      `pc=${cue[i - 1] ? 1 : 0}${cue[i + 1] ? 1 : 0}`,
    ];
    const sameSentence = (d: number | undefined, dir: number): boolean =>
      d !== undefined && d >= 0 && sentenceOf[i + dir * d] === sentenceOf[i];
    f.push(`scue=${sentenceCue.has(sentenceOf[i] ?? -1) ? 1 : 0}|${sameSentence(cueLeft[i], -1) ? "L" : ""}${sameSentence(cueRight[i], 1) ? "R" : ""}|${q}`);
    const h = hint[i];
    const hp = hint[i - 1];
    f.push(`r=${h ? h.kind : "-"}`, `rb=${h ? h.kind : "-"}|${hp ? hp.kind : "-"}|${h?.first ? 1 : 0}`, `rq=${h ? h.kind : "-"}|${q}`);
    if (PRONOUNS.has(w)) f.push(`pron|${cr}`);
    if (ROLE_WORDS.has(w)) f.push("role");
    if (ROLE_WORDS.has(prev)) f.push("role-1");
    if (cue[i]) f.push(`cuew=${prev}|${w}`, `cueq=${q}|${bucket(openLeft[i] ?? -1)}|${bucket(openRight[i] ?? -1)}`);
    out.push(f);
    sentencePos += 1;
  }
  return out;
}

/** Binary search over quotations in text order. */
export function quoteLookup(quotes: readonly TQuote[]): TQuoteLookup {
  return {
    at(i: number): TQuote | null {
      let lo = 0;
      let hi = quotes.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const q = quotes[mid];
        if (!q) break;
        if (i < q.open) hi = mid - 1;
        else if (i >= q.close) lo = mid + 1;
        else return q;
      }
      return null;
    },
  };
}
