// Statements from the attribution tagger, merged with the rule engine's: the tagger's content span
// (quote marks trimmed), its cue and source, and a speaker resolved from the source mention (a name,
// a title, a pronoun back to the last named person, or the described group itself).
import type { MentionIndex, SpeakerRegistry } from "../speakers";
import type { TRawStatement, TSpeakerRef } from "../statements";
import type { TSpan, TStatementMode } from "../types";
import type { TRuleHint } from "./features";
import { quoteLookup } from "./features";
import { linkAttributions, type TAttribution } from "./link";
import type { AttributionTagger } from "./model";
import { findQuotes, type TQuote } from "../quotes";
import { SPEECH_VERBS } from "../lexicon";
import { isClause } from "../clause";
import { firstStartingAt } from "./sorted";

const QUOTE_OR_SPACE = /[\s“”"‘’'«»„]/;
const TRAILING = /[\s“”"‘’'«»„.,;:—–-]/;
const QUOTE_MARK = /[“”"«»„]/;
const PRONOUN = /^(?:he|she|him|her|i|we|they|it)$/i;
const PERSON_PRONOUN = /^(?:he|she|him|her)$/i;
const LOOKBACK = 2000;
const MAX_GROUP_NAME = 60;
const MIN_WORDS = 3;

const LEADING_THAT = /^that\s+/i;

/** The content without its quote marks and trailing punctuation, and (`that`) without a leading "that". */
function trimContent(text: string, span: TSpan, that = false): TSpan {
  let { start, end } = span;
  while (start < end && QUOTE_OR_SPACE.test(text[start] ?? "")) start += 1;
  while (end > start && TRAILING.test(text[end - 1] ?? "")) end -= 1;
  // PolNeAR's content starts at "that"; the product's reported clause starts after it (EXTRACTION.md).
  const lead = that ? LEADING_THAT.exec(text.slice(start, end)) : null;
  if (lead) return trimContent(text, { start: start + lead[0].length, end });
  return { start, end };
}

function modeOf(text: string, content: TSpan, trimmed: TSpan): TStatementMode {
  const inner = text.slice(trimmed.start, trimmed.end);
  const before = text.slice(content.start, trimmed.start);
  const after = text.slice(trimmed.end, content.end);
  const wrapped = QUOTE_MARK.test(before) || /^[‘']/.test(before.trim());
  if (wrapped && (QUOTE_MARK.test(after) || /[’']$/.test(after.trim()) || !QUOTE_MARK.test(inner))) return "direct";
  return QUOTE_MARK.test(inner) || wrapped ? "mixed" : "indirect";
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** No sentence end inside the span: the tagger's span may run on past its sentence. */
function sameSentence(text: string, span: TSpan): boolean {
  return !/[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(text.slice(span.start, span.end));
}

function overlaps(a: TSpan, b: TSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Cue words besides the speech verbs that report what someone said or wrote. */
const REPORTING_CUES = new Set(
  `according reported reports report reporting called calls calling described describes describing wrote writes posted tweeted
  told believes believe believed thinks think thought pointed blamed criticized criticised accused praised defended attacked
  suggested found shows showed show`.split(/\s+/),
);

function cueAnchored(text: string, cue: TSpan | null): boolean {
  if (!cue) return false;
  const words = text.slice(cue.start, cue.end).toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((w) => SPEECH_VERBS.has(w) || REPORTING_CUES.has(w));
}

/** A cue with a verb of saying in it ("said", "told reporters"): not a label or a report ("called", "reported"). */
function speechCue(text: string, cue: TSpan | null): boolean {
  return !!cue && (text.slice(cue.start, cue.end).toLowerCase().match(/[a-z]+/g) ?? []).some((w) => SPEECH_VERBS.has(w));
}

export interface TModelContext {
  text: string;
  paragraphs: readonly TSpan[];
  registry: SpeakerRegistry;
  mentions: MentionIndex;
}

/** How a tagged source became a speaker: a name or a known title, a pronoun back to a name, a bare description, or none (the last speaker). */
type TResolution = "named" | "pronoun" | "described" | "previous";

function speakerOf(ctx: TModelContext, source: TSpan | null, previous: TSpeakerRef | null): { speaker: TSpeakerRef | null; how: TResolution } {
  const none = { speaker: previous, how: "previous" as const };
  if (!source) return none;
  const inside = ctx.mentions.within(source).filter((m) => !m.possessive);
  const named = [...inside].reverse().find((m) => m.name);
  if (named?.name) {
    const profile = ctx.registry.profile(named.name);
    return { speaker: { name: ctx.registry.canonical(named.name), kind: profile?.kind ?? named.kind }, how: "named" };
  }
  const titled = inside.find((m) => m.role);
  if (titled?.role) {
    const profile = ctx.registry.byRole(titled.role, []);
    if (profile) return { speaker: { name: profile.name, kind: profile.kind }, how: "named" };
  }
  const words = ctx.text.slice(source.start, source.end).trim();
  if (PRONOUN.test(words)) {
    if (!PERSON_PRONOUN.test(words)) return none;
    const before = ctx.mentions.within({ start: Math.max(0, source.start - LOOKBACK), end: source.start });
    for (let k = before.length - 1; k >= 0; k -= 1) {
      const m = before[k];
      if (m?.name && m.kind === "person") return { speaker: { name: ctx.registry.canonical(m.name), kind: "person" }, how: "pronoun" };
    }
    return none;
  }
  const described = words.replace(/^(?:the|a|an)\s+/i, "");
  if (!described || described.length > MAX_GROUP_NAME || !/\p{L}/u.test(described)) return { speaker: null, how: "described" };
  return { speaker: { name: described, kind: "person" }, how: "described" };
}

function sentenceOf(text: string, paragraph: TSpan, at: TSpan): TSpan {
  const before = text.slice(paragraph.start, at.start);
  const cut = Math.max(before.lastIndexOf(". "), before.lastIndexOf("? "), before.lastIndexOf("! "));
  const start = cut === -1 ? paragraph.start : paragraph.start + cut + 2;
  const rest = text.slice(at.end, paragraph.end);
  const stop = /[.!?](?:\s|$)/.exec(rest);
  return { start, end: stop ? at.end + stop.index + 1 : paragraph.end };
}

function hintsOf(rules: readonly TRawStatement[]): TRuleHint[] {
  const hints: TRuleHint[] = [];
  for (const r of rules) {
    hints.push({ kind: r.mode, start: r.span.start, end: r.span.end });
    if (r.cue) hints.push({ kind: "cue", start: r.cue.start, end: r.cue.end });
    if (r.source) hints.push({ kind: "source", start: r.source.start, end: r.source.end });
  }
  return hints;
}

/**
 * Which of the tagger's statements may join the rules'. Each field narrows what is added; the presets
 * below are the measured points (bench/EXTRACTION.md, "h-tagger").
 */
export interface TTaggerPolicy {
  /**
   * Paragraphs the tagger reads: every one ("all"), those holding a quotation or a rule statement
   * ("reported": all a policy without plain clauses can use, at a fraction of the time), or only those
   * holding a quotation no rule statement covers ("quoted"), or those and the paragraphs where words
   * of the same sentence lead into a quotation ("quotes": where the tagger's additions and lead-in
   * extensions come from, without tagging every reported paragraph).
   */
  scope: "all" | "reported" | "quoted" | "quotes";
  /** The tagged cue must hold a verb of saying ("speech"), any reporting cue of REPORTING_CUES ("reporting"), or be any tagged cue ("any"). */
  cue: "speech" | "reporting" | "any";
  /** Plain reported clauses may join (else only direct and mixed content). */
  indirect: boolean;
  /** Speakers the tagged source must resolve to: a name or title (and pronouns back to one), or also a bare description. */
  source: "named" | "any";
  /** Minimum mean margin of the content span (TTaggedSpan.margin); 0 keeps every span. */
  minMargin: number;
  /** A rule statement the tagger's cue-anchored span contains may take that longer span. */
  extend: boolean;
  /**
   * Tag after the rules' quote clean-up (orphan quotes, lead-ins, label spans), so the tagger's rule
   * features are the finished statements it was trained with; else before it, as earlier rounds did.
   */
  late: boolean;
  /** Drop a leading "that" from the tagger's spans, as the rules' reported clauses do (PolNeAR keeps it). */
  trimThat: boolean;
}

export const TAGGER_POLICIES = {
  /** Everything cue-anchored (the engine "model" of earlier rounds). */
  all: { scope: "all", cue: "reporting", indirect: true, source: "any", minMargin: 0, extend: true, late: false, trimThat: false },
  /**
   * The default engine's: rule spans the tagger extends to their lead-in, and quoted content with a
   * verb of saying, a named source and a clear margin. Tuned on PolNeAR fold 1 with weights of folds
   * 2–4 and gated on the dispute gold's statement precision (bench/EXTRACTION.md, "h-tagger").
   */
  sure: { scope: "quotes", cue: "speech", indirect: false, source: "named", minMargin: 1200, extend: true, late: true, trimThat: true },
  /** Quoted content with a verb of saying where the rules left a quote unread (the first "hybrid"). */
  quoted: { scope: "quoted", cue: "speech", indirect: false, source: "any", minMargin: 0, extend: true, late: false, trimThat: false },
} as const satisfies Record<string, TTaggerPolicy>;

/** A preset by name (bench/content-report.ts --scope passes "all" or "quoted"). */
export type TTaggerScope = keyof typeof TAGGER_POLICIES;

function cueAllowed(text: string, cue: TSpan | null, rule: TTaggerPolicy["cue"]): boolean {
  if (rule === "any") return cue !== null;
  return rule === "speech" ? speechCue(text, cue) : cueAnchored(text, cue);
}

/** The tagger's attributions of every paragraph (or of those `only` keeps), given the rule engine's statements as hints. */
export function tagAttributions(
  tagger: AttributionTagger,
  ctx: TModelContext,
  rules: readonly TRawStatement[],
  only: (paragraph: TSpan, quotes: readonly TQuote[]) => boolean = () => true,
): { paragraph: number; a: TAttribution }[] {
  const hints = hintsOf(rules);
  const quotes = findQuotes(ctx.text, ctx.paragraphs);
  const lookup = quoteLookup(quotes);
  const out: { paragraph: number; a: TAttribution }[] = [];
  ctx.paragraphs.forEach((p, index) => {
    if (!only(p, quotes)) return;
    const mine = hints.filter((h) => h.start < p.end && h.end > p.start);
    for (const a of linkAttributions(tagger.tagParagraph(ctx.text, p, lookup, mine))) out.push({ paragraph: index, a });
  });
  return out;
}

/**
 * Spans found by overlap with a binary search over their starts and a running maximum of their ends:
 * a paragraph of thousands of quotes costs a search per lookup, not a scan. Spans are added in order
 * of their starts (a sorted batch, then appends) and must not change once added.
 */
class SpanIndex<T> {
  private readonly items: { item: T; span: TSpan }[] = [];
  private readonly maxEnd: number[] = [];
  private sorted = true;

  constructor(entries: readonly { item: T; span: TSpan }[] = []) {
    for (const entry of [...entries].sort((a, b) => a.span.start - b.span.start)) this.add(entry.item, entry.span);
  }

  add(item: T, span: TSpan): void {
    const last = this.items[this.items.length - 1];
    if (last && span.start < last.span.start) this.sorted = false;
    this.items.push({ item, span: { start: span.start, end: span.end } });
    this.maxEnd.push(Math.max(this.maxEnd[this.maxEnd.length - 1] ?? -Infinity, span.end));
  }

  overlapping(span: TSpan): T[] {
    if (!this.sorted) return this.items.filter((entry) => overlaps(entry.span, span)).map((entry) => entry.item);
    const lo = firstStartingAt(this.items, span.end, (entry) => entry.span.start);
    const found: T[] = [];
    for (let i = lo - 1; i >= 0 && (this.maxEnd[i] ?? -Infinity) > span.start; i -= 1) {
      const entry = this.items[i];
      if (entry && overlaps(entry.span, span)) found.push(entry.item);
    }
    return found.reverse();
  }
}

/**
 * The rule statements, plus every cue-anchored tagged attribution that no rule statement overlaps. A rule
 * statement the tagger extends keeps its speaker and cue but takes the tagger's longer span.
 */
export function mergeModelStatements(
  tagger: AttributionTagger,
  ctx: TModelContext,
  rules: readonly TRawStatement[],
  policy: TTaggerPolicy = TAGGER_POLICIES.all,
): TRawStatement[] {
  const out = [...rules];
  // Rule spans as they were, the statements the tagger adds, and the rule statements it extends under
  // their new spans (an extended one is looked up only there, by its current span).
  const ruleSpans = new SpanIndex(rules.map((r) => ({ item: r, span: r.span })));
  const added = new SpanIndex<TRawStatement>();
  const extended = new SpanIndex<TRawStatement>();
  const isExtended = new Set<TRawStatement>();
  const overlapping = (span: TSpan): TRawStatement[] => [
    ...new Set([
      ...ruleSpans.overlapping(span).filter((r) => !isExtended.has(r)),
      ...added.overlapping(span).filter((r) => !isExtended.has(r)),
      ...extended.overlapping(span).filter((r) => overlaps(r.span, span)),
    ]),
  ];
  let previous: TSpeakerRef | null = null;
  const uncovered = (p: TSpan, quotes: readonly TQuote[]): boolean =>
    quotes.some((q) => q.open >= p.start && q.open < p.end && ruleSpans.overlapping(q.inner).length === 0);
  const reported = (p: TSpan, quotes: readonly TQuote[]): boolean =>
    ruleSpans.overlapping(p).length > 0 || quotes.some((q) => q.open >= p.start && q.open < p.end);
  // "… said that Cruz has “got to come …”": words of the quote's own sentence before its opening mark.
  const ledIn = (q: TQuote): boolean => /[\p{L}\p{N},]\s*$/u.test(ctx.text.slice(Math.max(0, q.open - 200), q.open).split(/[.!?]["”’]?\s|\n/).pop() ?? "");
  const quotesScope = (p: TSpan, quotes: readonly TQuote[]): boolean =>
    uncovered(p, quotes) || quotes.some((q) => q.open >= p.start && q.open < p.end && ledIn(q));
  const scopes = { all: undefined, reported, quoted: uncovered, quotes: quotesScope };
  const only = scopes[policy.scope];
  for (const { paragraph, a } of tagAttributions(tagger, ctx, rules, only)) {
    const span = trimContent(ctx.text, a.content, policy.trimThat);
    if (span.end <= span.start || wordCount(ctx.text.slice(span.start, span.end)) < MIN_WORDS) continue;
    const inside = overlapping(span);
    const sole = inside.length === 1 ? inside[0] : undefined;
    if (sole && span.start <= sole.span.start && span.end >= sole.span.end && cueAnchored(ctx.text, a.cue) && sameSentence(ctx.text, span)) {
      // "said that Cruz has “got to come a long way”": the tagger reads the lead-in the rules left out.
      // The lead-in only, for a direct quote: words after the closing mark ("“we acted within hours” of
      // the alert") stay outside it, as the rules' direct spans keep them (the span would end past an
      // unmatched mark).
      const tail = ctx.text.slice(sole.span.end, span.end);
      if (!policy.extend || (policy.trimThat && sole.mode === "direct" && /[\p{L}\p{N}]/u.test(tail))) continue;
      sole.span = span;
      isExtended.add(sole);
      extended.add(sole, span);
      if (sole.mode === "direct" || sole.mode === "indirect") sole.mode = modeOf(ctx.text, a.content, span);
      continue;
    }
    if (inside.length > 0) continue;
    // Only content a reporting cue anchors, said by someone, and either quoted or a whole clause: PolNeAR
    // also tags what people want, fear or ordered, and bare objects ("a request for comment"), which
    // the product's statements are not (ANNOTATION.md counts claims).
    if (!cueAllowed(ctx.text, a.cue, policy.cue)) continue;
    if ((a.margin ?? 0) < policy.minMargin) continue;
    const mode = modeOf(ctx.text, a.content, span);
    if (mode === "indirect" && (!policy.indirect || !isClause(ctx.text, span.start, span.end))) continue;
    const { speaker, how } = speakerOf(ctx, a.source, previous);
    if (!speaker) continue;
    if (policy.source === "named" && how !== "named" && how !== "pronoun") continue;
    previous = speaker;
    const p = ctx.paragraphs[paragraph] ?? span;
    out.push({
      speaker,
      mode,
      span,
      cue: a.cue ? { text: ctx.text.slice(a.cue.start, a.cue.end), start: a.cue.start, end: a.cue.end } : null,
      source: a.source,
      confidence: 0.6,
      sentence: sentenceOf(ctx.text, p, span),
      paragraph,
      responseCue: null,
      factCheckOf: null,
      question: false,
    });
    const statement = out[out.length - 1] as TRawStatement;
    added.add(statement, statement.span);
  }
  // factCheckOf indexes the list: re-point it after the tagger's statements are slotted in.
  const targets = out.map((st) => (st.factCheckOf !== null ? rules[st.factCheckOf] : undefined));
  const order = out.map((st, k) => ({ st, target: targets[k] })).sort((x, y) => x.st.span.start - y.st.span.start);
  const merged = order.map((o) => o.st);
  order.forEach((o) => {
    if (o.target) o.st.factCheckOf = merged.indexOf(o.target);
  });
  return merged;
}
